// The generator's own assumptions about transport headers, kept apart from the detector's (the verdict
// issue: a set built from the detector's beliefs measures only those beliefs). Nothing here is imported
// by shared/src, and nothing in shared/src is imported here. Where a form is copied from real mail, the
// comment names the file it was seen in; the host-name schemes are the access networks' published or
// widely seen reverse-DNS conventions, with the ISP's own domain replaced by one under .example.
import type { Rng } from '../rng';

export interface Sender {
  /** The name the client said in HELO/EHLO. */
  helo: string;
  /** The reverse name the receiver found, or undefined when it found none. */
  rdns: string | undefined;
  ip: string;
}

const octets = (ip: string) => ip.split('.').map(Number) as [number, number, number, number];
const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/**
 * Residential and dial-up reverse names, one scheme per access network. Several embed the address in
 * hex or reversed order, several carry no access-network word at all (the detector is not told which).
 */
export const RESIDENTIAL: readonly ((ip: string, rng: Rng) => string)[] = [
  // Deutsche Telekom: "p5DD1A2B3.dip0.t-ipconnect.de" (hex address).
  ip => `p${octets(ip).map(hex2).join('').toUpperCase()}.dip0.t-ipconnect.example`,
  // Comcast: "c-73-15-2-9.hsd1.ca.comcast.net".
  (ip, rng) => `c-${ip.replace(/\./g, '-')}.hsd1.${rng.pick(['ca', 'fl', 'il', 'pa'])}.comcast.example`,
  // Verizon FiOS: "pool-71-105-3-4.nycmny.fios.verizon.net".
  (ip, rng) =>
    `pool-${ip.replace(/\./g, '-')}.${rng.pick(['nycmny', 'bltmmd', 'washdc'])}.fios.verizon.example`,
  // Charter/Spectrum: "cpe-74-1-2-3.nyc.res.rr.com".
  (ip, rng) => `cpe-${ip.replace(/\./g, '-')}.${rng.pick(['nyc', 'socal', 'triad'])}.res.rr.example`,
  // Cox: "ip68-1-2-3.oc.oc.cox.net" (first octet fused to the word).
  ip => `ip${ip.replace(/\./g, '-')}.oc.oc.cox.example`,
  // BT: "host86-1-2-3.range86-1.btcentralplus.com" (reversed tail).
  ip => {
    const [a, b, c, d] = octets(ip);
    return `host${a}-${b}-${c}-${d}.range${a}-${b}.btcentralplus.example`;
  },
  // Orange France: "lfbn-lyo-1-234-56.w86-1.abo.wanadoo.fr".
  (ip, rng) => {
    const [a, b, c, d] = octets(ip);
    return `lfbn-${rng.pick(['lyo', 'idf2', 'mar'])}-1-${c}-${d}.w${a}-${b}.abo.wanadoo.example`;
  },
  // Telefonica Spain: "1.2.3.4.dyn.user.ono.com" / "4.3.2.1.dynamicip.rima-tde.net" (reversed).
  ip => `${octets(ip).reverse().join('.')}.dynamicip.rima-tde.example`,
  // HiNet Taiwan: "1-2-3-4.dynamic-ip.hinet.net".
  ip => `${ip.replace(/\./g, '-')}.dynamic-ip.hinet.example`,
  // Vodafone Germany cable: "ip-088-152-012-034.um24.pools.vodafone-ip.de" (zero-padded).
  ip =>
    `ip-${octets(ip)
      .map(o => String(o).padStart(3, '0'))
      .join('-')}.um24.pools.vodafone-ip.example`,
  // Chinanet: "34.12.152.88.broad.xw.sh.dynamic.163data.com.cn".
  ip => `${octets(ip).reverse().join('.')}.broad.xw.sh.dynamic.163data.example`,
  // Vietnam VNPT: "static.vnpt.vn" style with the address and no pool word.
  ip => `${ip.replace(/\./g, '-')}.static.vnpt.example`,
  // Brazil Vivo/Claro: "189-1-2-3.user.veloxzone.com.br" / "bd12ab34.virtua.com.br" (hex, no word).
  ip => `${octets(ip).map(hex2).join('')}.virtua.example`,
  // India: "abts-kk-dynamic-034.12.168.122.airtelbroadband.in".
  ip => `abts-kk-dynamic-${ip}.airtelbroadband.example`,
  // Mobile carriers: "mobile-166-1-2-3.mycingular.net", "188.29.165.1.threembb.co.uk".
  ip => `mobile-${ip.replace(/\./g, '-')}.mycingular.example`,
  ip => `${ip}.threembb.example`,
];

/** Names a spam bot says in HELO: its Windows machine name, an address, or someone else's domain. */
export function botHelo(rng: Rng, ip: string, forgedDomain: string): string {
  return rng.pick([
    `[${ip}]`,
    rng.pick(['User', 'HOME-PC', 'DESKTOP-4F7KQ2M', 'WIN-7H2K3J', 'pc', 'admin', 'localhost']),
    forgedDomain,
    `mail.${forgedDomain}`,
    `${rng.chars('abcdefghijklmnopqrstuvwxyz', 6)}.${rng.pick(['com', 'net', 'ru', 'br'])}`,
  ]);
}

/** A receiver's record of one SMTP hand-over, in the format of one MTA. */
export type EntryFormat = (s: Sender, receiver: string, rcpt: string, date: string, rng: Rng) => string;

const qid = (rng: Rng, n: number) => rng.chars('0123456789ABCDEF', n);

export const ENTRY_FORMATS: Record<string, EntryFormat> = {
  // Postfix: "from HELO (RDNS [IP])", "unknown" when the lookup failed (lhost-postfix-01.eml).
  postfix: (s, by, rcpt, date, rng) =>
    `from ${s.helo} (${s.rdns ?? 'unknown'} [${s.ip}])\n\tby ${by} (Postfix) with ESMTP id ${qid(rng, 11)}\n\tfor <${rcpt}>; ${date}`,
  // Exim: "from RDNS ([IP]:port helo=HELO)" with a name, "from [IP] (helo=HELO)" without (lhost-exim-*).
  exim: (s, by, rcpt, date, rng) =>
    s.rdns !== undefined
      ? `from ${s.rdns} ([${s.ip}]:${rng.int(1024, 65535)} helo=${s.helo})\n\tby ${by} with esmtp (Exim 4.96)\n\t(envelope-from <x>)\n\tid 1t${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 4)}-00${rng.int(10, 99)}-${qid(rng, 2)}\n\tfor ${rcpt}; ${date}`
      : `from [${s.ip}] (helo=${s.helo})\n\tby ${by} with esmtp (Exim 4.96)\n\t(envelope-from <x>)\n\tid 1t${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 4)}-00${rng.int(10, 99)}-${qid(rng, 2)}\n\tfor ${rcpt}; ${date}`,
  // Sendmail: "from HELO (RDNS [IP])", "(may be forged)" when HELO and rDNS disagree (SpamAssassin
  // corpus), "from HELO ([IP])" when there is no name.
  sendmail: (s, by, rcpt, date, rng) =>
    `from ${s.helo} (${s.rdns !== undefined ? `${s.rdns} ` : ''}[${s.ip}]${s.rdns !== undefined && s.rdns !== s.helo && rng.chance(0.5) ? ' (may be forged)' : ''})\n\tby ${by} (8.17.1/8.17.1) with ESMTP id 5B${qid(rng, 10)}\n\tfor <${rcpt}>; ${date}`,
  // qmail: "from RDNS (HELO HELO) (IP)", "from unknown (HELO x) (IP)" (lhost-qmail-*).
  qmail: (s, by, _rcpt, date) =>
    `from ${s.rdns ?? 'unknown'} (HELO ${s.helo}) (${s.ip})\n  by ${by} with SMTP; ${date}`,
  // Microsoft 365 inbound: "from HELO (IP) by …protection.outlook.com" — it records no reverse name.
  exchange: (s, by, _rcpt, date, rng) =>
    `from ${s.helo} (${s.ip}) by\n ${by} (10.167.242.${rng.int(10, 250)}) with Microsoft SMTP Server (version=TLS1_2,\n cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8207.${rng.int(10, 40)} via Frontend Transport; ${date}`,
  // Receivers that record the address only (MessageLabs, some appliances): "from [IP] by …".
  bare: (s, by, _rcpt, date, rng) => `from [${s.ip}] by ${by} with ESMTP id ${qid(rng, 8)}; ${date}`,
};

/** Public ranges home connections are commonly numbered in (no private, loopback or CGNAT space). */
export function residentialIp(rng: Rng): string {
  const a = rng.pick([
    24, 41, 62, 68, 71, 73, 77, 81, 85, 86, 88, 89, 93, 109, 117, 121, 151, 177, 186, 189, 190, 197, 201,
  ]);
  return `${a}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}
