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
];
