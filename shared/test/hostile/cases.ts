// Hostile inputs, built at a given size so the tests can check correctness and the bench can check that
// time and memory grow linearly (time at n vs 2n). Each builder returns raw message bytes.
// The bounce-like headers matter: they get the input past the cheap gate into the deep parsers.

const enc = new TextEncoder();

const BOUNCE_HEAD =
  'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\n' +
  'To: me@example.org\r\n' +
  'Subject: Undelivered Mail Returned to Sender\r\n' +
  'Date: Tue, 4 Mar 2025 10:00:00 +0000\r\n' +
  'Message-ID: <hostile@mx.example.net>\r\n' +
  'MIME-Version: 1.0\r\n';

const ORIGINAL =
  'From: me@example.org\r\nTo: you@example.net\r\nSubject: hi\r\nMessage-ID: <orig@example.org>\r\n\r\nhello\r\n';

const DSN =
  'Content-Type: message/delivery-status\r\n\r\n' +
  'Reporting-MTA: dns; mx.example.net\r\n\r\n' +
  'Final-Recipient: rfc822; you@example.net\r\nAction: failed\r\nStatus: 5.1.1\r\n' +
  'Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n';

/** `depth` nested multipart/mixed parts, each opening a new boundary, with a report at the bottom. */
export function deepMultipart(depth: number): Uint8Array {
  const parts: string[] = [BOUNCE_HEAD, `Content-Type: multipart/mixed; boundary="b0"\r\n\r\n`];
  for (let i = 1; i <= depth; i++) {
    parts.push(`--b${i - 1}\r\nContent-Type: multipart/mixed; boundary="b${i}"\r\n\r\n`);
  }
  parts.push(`--b${depth}\r\n${DSN}\r\n--b${depth}\r\nContent-Type: message/rfc822\r\n\r\n${ORIGINAL}`);
  for (let i = depth; i >= 0; i--) {
    parts.push(`--b${i}--\r\n`);
  }
  return enc.encode(parts.join(''));
}

/** `lines` header fields before the body (a header block of ~`lines` × 40 bytes). */
export function manyHeaders(lines: number): Uint8Array {
  const field = 'X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n';
  return enc.encode(BOUNCE_HEAD + field.repeat(lines) + 'Content-Type: text/plain\r\n\r\nbody\r\n');
}

/** One line of `bytes` bytes, as a header value and as a body line. */
export function longLine(bytes: number, where: 'header' | 'body'): Uint8Array {
  const line = 'a'.repeat(bytes);
  if (where === 'header') {
    return enc.encode(`${BOUNCE_HEAD}X-Long: ${line}\r\nContent-Type: text/plain\r\n\r\nbody\r\n`);
  }
  return enc.encode(
    `${BOUNCE_HEAD}Content-Type: text/plain\r\n\r\nThe following address failed:\r\n${line}\r\n`,
  );
}

/** A bounce of about `bytes` bytes: report, original, and base64 attachments making up the size. */
export function bigWithAttachments(bytes: number): Uint8Array {
  const b64line = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n';
  const attachments = 4;
  const perAttachment = Math.max(1, Math.floor(bytes / attachments / b64line.length));
  const out: string[] = [
    BOUNCE_HEAD,
    'Content-Type: multipart/report; report-type=delivery-status; boundary="R"\r\n\r\n',
  ];
  out.push('--R\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n');
  out.push(`--R\r\n${DSN}\r\n`);
  out.push('--R\r\nContent-Type: message/rfc822\r\n\r\n');
  out.push(
    'From: me@example.org\r\nTo: you@example.net\r\nSubject: big\r\nMessage-ID: <big@example.org>\r\n',
  );
  out.push(
    'Content-Type: multipart/mixed; boundary="A"\r\n\r\n--A\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n',
  );
  for (let i = 0; i < attachments; i++) {
    out.push(
      `--A\r\nContent-Type: application/octet-stream; name="f${i}.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n`,
    );
    out.push(b64line.repeat(perAttachment));
  }
  out.push('--A--\r\n--R--\r\n');
  return enc.encode(out.join(''));
}

/**
 * Inputs built to make regular expressions backtrack: long runs of the characters address, Received
 * and status patterns consume (spaces, '@', dots, '<', digits and dots, "from "), in headers and in a
 * bounce body where the plain-text parsers look.
 */
export function backtrackBait(run: number): Uint8Array {
  const spaces = ' '.repeat(run);
  const ats = '@'.repeat(run);
  const dots = '.'.repeat(run);
  const lts = '<'.repeat(run);
  const digits = '5.'.repeat(run >> 1);
  const words = 'from '.repeat(run / 5);
  const addressish = 'a@b.'.repeat(run >> 2);
  // The gate-passing fields come first, so the header limit cannot cut them off and the bait reaches the
  // deep parsers; the bait fields follow.
  const head =
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\n' +
    'MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="Z"\r\n' +
    `Subject: Undelivered Mail Returned to Sender${spaces}x\r\n` +
    `X-Bait-From: ${lts}MAILER-DAEMON@${dots}\r\n` +
    `To: ${ats}\r\n` +
    `Received: ${words}(${spaces}[${digits}]\r\n` +
    `Reply-To: "${spaces}" <${addressish}\r\n\r\n`;
  const body =
    `--Z\r\nContent-Type: text/plain\r\n\r\n<${addressish}\r\n${spaces}550${spaces}5.1.1${spaces}\r\n${lts}${ats}${dots}\r\n` +
    `Diagnostic-Code: smtp;${spaces}${digits}\r\nRemote-MTA: dns; ${dots}\r\n` +
    `--Z\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns;${spaces}\r\n\r\nFinal-Recipient: rfc822; ${lts}${addressish}\r\nAction: ${spaces}failed\r\nStatus: ${digits}\r\nDiagnostic-Code: ${words}\r\n` +
    `--Z\r\nContent-Type: text/rfc822-headers\r\n\r\nReceived: ${words}\r\nFrom: ${lts}${ats}\r\nMessage-ID: <${ats}${dots}\r\nAuthentication-Results: ${spaces};${spaces}spf=${dots}\r\nDKIM-Signature: ${'d='.repeat(run >> 1)}\r\n\r\n--Z--\r\n`;
  return enc.encode(head + body);
}

/** A plain-text bounce whose body is `body` (the prose parsers and the quoted-original search read it). */
function textBounce(body: string, type = 'text/plain'): Uint8Array {
  return enc.encode(`${BOUNCE_HEAD}Content-Type: ${type}; charset=us-ascii\r\n\r\n${body}`);
}

// Issue 8 §1: the inputs that made the engine's regular expressions backtrack for seconds to minutes,
// each about `bytes` long (250–500 KB in the suite).

/** One long line of dashes (original.ts MARKER: ~125 s at 250 KB), then of blanks. */
export function dashLine(bytes: number): Uint8Array {
  return textBounce(`Delivery failed.\r\n${'-'.repeat(bytes >> 1)}\r\n${' \t'.repeat(bytes >> 2)}x\r\n`);
}

/** An HTML part repeating an unclosed <style> (htmlToText: 17–22 s at 512 KB). */
export function unclosedStyle(bytes: number): Uint8Array {
  return textBounce('<html><body>Delivery failed' + '<style>p{}'.repeat(bytes / 10), 'text/html');
}

/** An HTML part repeating an unclosed <script> with text. */
export function unclosedScript(bytes: number): Uint8Array {
  return textBounce('Delivery failed' + '<script type=x>a'.repeat(bytes / 16), 'text/html');
}

/** An HTML part that is a run of "<" (htmlToText's tag pattern from each one). */
export function ltRun(bytes: number): Uint8Array {
  return textBounce('Delivery failed ' + '<'.repeat(bytes) + '>', 'text/html');
}

/** A "from" line followed by a long run of blanks, then an address line (plain-text.ts). */
export function fromLine(bytes: number): Uint8Array {
  return textBounce(
    `A message sent from${' '.repeat(bytes >> 1)}x\r\n\r\n  <a@b.example>\r\n` +
      `RCPT TO:<c@d.example>\r\n${' \r\n'.repeat(bytes >> 3)}550 5.1.1 unknown\r\n`,
  );
}

/**
 * Header values built against the header parsers (addresses, Authentication-Results, Received-SPF,
 * DKIM, Content-Type parameters, Message-IDs), inside the 256 KB header limit, with the same bait in a
 * text/rfc822-headers original so the original's parsers read it too.
 */
export function headerBombs(bytes: number): Uint8Array {
  const n = Math.floor(bytes / 24);
  const fields =
    `To: ${'0.'.repeat(n)}a@${'0.'.repeat(n)}\r\n` +
    `Reply-To: ${'",'.repeat(n)}\r\n` +
    `Authentication-Results: mx; ${'(('.repeat(n)} spf=pass smtp.mailfrom=a${'.'.repeat(n)}x\r\n` +
    `Received-SPF: none (${':E'.repeat(n)} does not designate)\r\n` +
    `DKIM-Signature: ${'; d='.repeat(n >> 1)}\r\n` +
    `References: ${'<'.repeat(n)}${'<a'.repeat(n >> 1)}\r\n`;
  return enc.encode(
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\n' +
      'Subject: Undelivered Mail Returned to Sender\r\n' +
      `Content-Type: multipart/report; report-type=delivery-status;${' \t'.repeat(n >> 2)}boundary="Z"\r\n` +
      fields +
      '\r\n--Z\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n' +
      `--Z\r\n${DSN}\r\n--Z\r\nContent-Type: text/rfc822-headers\r\n\r\n${fields}\r\n--Z--\r\n`,
  );
}

export interface HostileCase {
  id: string;
  /** Build the case at scale `n` (the bench builds it at n and 2n). */
  build: (n: number) => Uint8Array;
  /** The scale the issue names (bait: runs of 25,000, so n and 2n stay under the engine's 2 MB read limit). */
  n: number;
}

export const HOSTILE_CASES: readonly HostileCase[] = [
  { id: 'multipart-depth-10000', build: deepMultipart, n: 10_000 },
  { id: 'header-lines-100000', build: manyHeaders, n: 100_000 },
  { id: 'header-line-5MB', build: n => longLine(n, 'header'), n: 5 * 1024 * 1024 },
  { id: 'body-line-5MB', build: n => longLine(n, 'body'), n: 5 * 1024 * 1024 },
  { id: 'attachments-25MB', build: bigWithAttachments, n: 25 * 1024 * 1024 },
  { id: 'backtrack-bait-25k', build: backtrackBait, n: 25_000 },
  { id: 'dash-and-blank-line-400KB', build: dashLine, n: 400_000 },
  { id: 'unclosed-style-400KB', build: unclosedStyle, n: 400_000 },
  { id: 'unclosed-script-400KB', build: unclosedScript, n: 400_000 },
  { id: 'lt-run-400KB', build: ltRun, n: 400_000 },
  { id: 'from-line-400KB', build: fromLine, n: 400_000 },
  { id: 'header-bombs-250KB', build: headerBombs, n: 250_000 },
];

/** The cases of issue 8 §1, which the whole-process test runs through the built CLI. */
export const REGEX_BOMB_CASES: readonly string[] = [
  'dash-and-blank-line-400KB',
  'unclosed-style-400KB',
  'unclosed-script-400KB',
  'lt-run-400KB',
  'from-line-400KB',
  'header-bombs-250KB',
  'backtrack-bait-25k',
];
