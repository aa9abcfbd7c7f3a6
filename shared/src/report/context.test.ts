import { describe, expect, test } from 'vitest';
import { latin1, toLf } from '../mime/bytes';
import { scanStructure } from '../mime/structure';
import { buildContext } from './context';

async function contextOf(message: string) {
  const bytes = toLf(new TextEncoder().encode(message));
  const text = latin1(bytes);
  return buildContext(bytes, text, scanStructure(text));
}

const multipart = (type: string, parts: string[]) =>
  `From: "Mail Delivery System" <MAILER-DAEMON@mx.example.jp>
To: Shironeko <shironeko@example.org>
Subject: =?UTF-8?Q?Unzustellbar:_Gr=C3=BC=C3=9Fe?=
Content-Type: ${type}; boundary="b"

${parts.map(p => `--b\n${p}\n`).join('')}--b--
`;

describe('buildContext', () => {
  test.each([
    [true, 'the text'],
    [false, undefined],
  ])('ascii %j: asciiText is %j (the original reads its parts from it)', (ascii, want) => {
    const text = latin1(
      toLf(new TextEncoder().encode(multipart('multipart/mixed', ['Content-Type: text/plain\n\nx']))),
    );
    const ctx = buildContext(new TextEncoder().encode(text), text, scanStructure(text), undefined, ascii);
    expect(ctx.asciiText).toBe(want === undefined ? undefined : text);
  });

  test('top facts: decoded subject, sender, recipients, content type', async () => {
    const ctx = await contextOf(multipart('multipart/mixed', ['Content-Type: text/plain\n\nx']));
    expect(ctx.subject).toBe('Unzustellbar: Grüße');
    expect(ctx.from).toEqual({ name: 'Mail Delivery System', address: 'mailer-daemon@mx.example.jp' });
    expect(ctx.to).toEqual([{ name: 'Shironeko', address: 'shironeko@example.org' }]);
    expect(ctx.contentType.type).toBe('multipart/mixed');
  });

  test('a report: its own text in body, the DSN apart, the original embedded and not in body', async () => {
    const ctx = await contextOf(
      multipart('multipart/report', [
        'Content-Type: text/plain\n\nYour message could not be delivered.',
        'Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.jp\n\nFinal-Recipient: rfc822; kijitora@example.jp\nAction: failed',
        'Content-Type: message/rfc822\n\nMessage-ID: <1@example.org>\nSubject: original\n\nTHE ORIGINAL BODY',
      ]),
    );
    expect(ctx.body).toBe('Your message could not be delivered.');
    expect(ctx.deliveryStatus).toContain('Final-Recipient: rfc822; kijitora@example.jp');
    expect(ctx.embedded?.contentType.type).toBe('message/rfc822');
    expect(ctx.body).not.toContain('THE ORIGINAL BODY');
    expect(ctx.headersPart).toBeUndefined();
  });

  test('several delivery-status parts are joined (Postfix with mixed results)', async () => {
    const ctx = await contextOf(
      multipart('multipart/report', [
        'Content-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@example.jp\nAction: failed',
        'Content-Type: message/delivery-status\n\nFinal-Recipient: rfc822; b@example.jp\nAction: delayed',
      ]),
    );
    expect(ctx.deliveryStatus).toBe(
      'Final-Recipient: rfc822; a@example.jp\nAction: failed\n\nFinal-Recipient: rfc822; b@example.jp\nAction: delayed',
    );
  });

  test('a base64 delivery-status part is decoded', async () => {
    const dsn = Buffer.from('Final-Recipient: rfc822; a@example.jp\nAction: failed\n').toString('base64');
    const ctx = await contextOf(
      multipart('multipart/report', [
        `Content-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n${dsn}`,
      ]),
    );
    expect(ctx.deliveryStatus).toContain('Action: failed');
  });

  test.each([
    { type: 'text/rfc822-headers', key: 'headersPart' },
    { type: 'message/global-headers', key: 'headersPart' },
    { type: 'message/feedback-report', key: 'feedbackReport' },
    { type: 'message/disposition-notification', key: 'disposition' },
    { type: 'message/global', key: 'embedded' },
  ] as const)('$type → $key', async ({ type, key }) => {
    const ctx = await contextOf(
      multipart('multipart/report', [
        `Content-Type: ${type}\n\nFeedback-Type: abuse\nMessage-ID: <x@y.example>`,
      ]),
    );
    expect(ctx[key]).toBeDefined();
    expect(ctx.body).toBe('');
  });

  test('multipart/alternative: the plain text, not the HTML again', async () => {
    const ctx = await contextOf(
      multipart('multipart/alternative', [
        'Content-Type: text/plain\n\nplain words',
        'Content-Type: text/html\n\n<p>html words</p>',
      ]),
    );
    expect(ctx.body).toBe('plain words');
  });

  test('HTML only: reduced to text', async () => {
    const ctx = await contextOf(
      multipart('multipart/mixed', ['Content-Type: text/html\n\n<p>Delivery&nbsp;failed</p>']),
    );
    expect(ctx.body).toBe('Delivery failed\n');
  });

  test('text attachments after the first text part are not the report’s words', async () => {
    const ctx = await contextOf(
      multipart('multipart/mixed', [
        'Content-Type: text/plain\n\nthe notice',
        'Content-Type: text/plain\nContent-Disposition: attachment; filename="log.txt"\n\nan attached log',
        'Content-Type: application/pdf\n\n%PDF-1.4',
      ]),
    );
    expect(ctx.body).toBe('the notice');
  });

  test('a text attachment that is the only text is read', async () => {
    const ctx = await contextOf(
      multipart('multipart/mixed', [
        'Content-Type: text/plain\nContent-Disposition: attachment\n\nthe only text',
      ]),
    );
    expect(ctx.body).toBe('the only text');
  });

  test('the first embedded message is the outer one, not one nested inside it', async () => {
    const ctx = await contextOf(
      multipart('multipart/mixed', [
        'Content-Type: message/rfc822\n\nSubject: outer\nContent-Type: multipart/mixed; boundary="in"\n\n--in\nContent-Type: message/rfc822\n\nSubject: inner\n\nx\n--in--',
      ]),
    );
    expect(ctx.embedded?.depth).toBe(1);
    expect(ctx.structure.parts.filter(p => p.contentType.type === 'message/rfc822')).toHaveLength(2);
  });

  test('a single-part message: its body is the decoded text', async () => {
    const ctx = await contextOf(
      'From: a@example.org\nSubject: x\nContent-Type: text/plain; charset=utf-8\n\nEmpfänger unbekannt\n',
    );
    expect(ctx.body).toBe('Empfänger unbekannt\n');
  });
});
