// The family of a mail program from its User-Agent / X-Mailer line: "Mozilla/5.0 (X11; Linux x86_64;
// rv:128.0) Gecko/20100101 Thunderbird/128.5.0" → "thunderbird". Versions change monthly; families do not.
const FAMILIES: readonly (readonly [string, RegExp])[] = [
  ['thunderbird', /thunderbird|betterbird|icedove/i],
  ['outlook', /microsoft outlook|outlook-(ios|android)|microsoft-macoutlook/i],
  ['outlook-express', /outlook express|windows mail|microsoft office outlook/i],
  ['apple-mail', /apple mail|iphone mail|ipad mail/i],
  ['roundcube', /roundcube/i],
  ['sogo', /sogo/i],
  ['k9', /k-9|thunderbird for android/i],
  ['evolution', /evolution/i],
  ['mutt', /\bmutt\b|neomutt/i],
  ['claws', /claws/i],
  ['kmail', /kmail/i],
  ['gnus', /gnus/i],
  ['the-bat', /the bat!/i],
  ['foxmail', /foxmail/i],
  ['phpmailer', /phpmailer/i],
  ['zimbra', /zimbra/i],
  ['horde', /horde|imp\//i],
  ['samsung', /samsung/i],
  ['gmail', /gmail/i],
  ['mailmate', /mailmate/i],
  ['spark', /spark/i],
];

export function agentFamily(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  for (const [family, re] of FAMILIES) {
    if (re.test(value)) {
      return family;
    }
  }
  const first = /^[\s"]*([A-Za-z][A-Za-z0-9 ._-]{0,30}?)(?:[\s/(;,]|$)/.exec(value)?.[1];
  return first?.toLowerCase().trim() || undefined;
}
