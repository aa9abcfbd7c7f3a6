// Messages for the time-budget tests (analysis-pool.test.ts, in-thread.test.ts): a delivery report for
// `id@example.net`, and one the test engines never finish (they loop on "STALL", as a backtracking regex
// would).
const enc = new TextEncoder();

export const bounce = (id: string): Uint8Array =>
  enc.encode(
    `From: MAILER-DAEMON@mx.example.net\nTo: me@example.org\nSubject: Undelivered Mail Returned to Sender\n` +
      `Content-Type: multipart/report; report-type=delivery-status; boundary=B\n\n--B\nContent-Type: text/plain\n\nfailed\n` +
      `--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; ${id}@example.net\n` +
      `Action: failed\nStatus: 5.1.1\n\n--B--\n`,
  );

export const stall = enc.encode('From: MAILER-DAEMON@mx.example.net\nSubject: Undelivered\n\nSTALL\n');

/** `bytes` with one header line put in front (a marker the test engines read). */
export const withHeader = (line: string, bytes: Uint8Array): Uint8Array =>
  Uint8Array.from([...enc.encode(`${line}\n`), ...bytes]);
