// analyze()'s first look decodes the first 16 KB of a message and finds the header block in that text
// (FIRST_LOOK); a longer header block, or a longer message, takes the byte-level path. Every path must
// read the same bounce the same way, whatever its line endings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSync } from './analyze';

const sample = readFileSync(
  path.resolve(import.meta.dirname, '../../test/corpus/sisimai/maildir/bsd/lhost-postfix-01.eml'),
  'latin1',
);
const bytes = (text: string) => Uint8Array.from(text, c => c.charCodeAt(0));
const received = 'Received: from relay.example.net (relay.example.net [192.0.2.1]) by mx.example.org\n';
const longHeader = received.repeat(300); // ~25 KB: the blank line lies beyond the first look
const longBody = '\n' + 'padding line of an attachment that is not read\n'.repeat(500); // ~24 KB

describe('the first look: same analysis whatever the length and line endings', () => {
  const reference = analyzeSync(bytes(sample));
  const facts = (a: ReturnType<typeof analyzeSync>) => ({
    kind: a.kind,
    format: a.format,
    subject: a.subject,
    from: a.from,
    recipients: a.recipients,
    original: a.original?.messageId,
  });

  test('the sample is a bounce with a recipient', () => {
    expect(reference.kind).toBe('ndr');
    expect(reference.recipients.length).toBeGreaterThan(0);
  });

  test.each([
    { name: 'CRLF', text: sample.replace(/\n/g, '\r\n') },
    { name: 'CR alone', text: sample.replace(/\n/g, '\r') },
    { name: 'a message longer than the look', text: sample + longBody },
    { name: 'a header block longer than the look', text: longHeader + sample },
    { name: 'a header block longer than the look, CRLF', text: (longHeader + sample).replace(/\n/g, '\r\n') },
    { name: 'longer than the look, CRLF', text: (sample + longBody).replace(/\n/g, '\r\n') },
  ])('$name', ({ text }) => {
    const a = analyzeSync(bytes(text));
    expect(facts(a)).toEqual(facts(reference));
    expect(a.warnings).toEqual(reference.warnings);
  });
});

describe('a report re-wrapped by a gateway', () => {
  // lhost-x5-01.eml: a notice (multipart/mixed) whose message/rfc822 part is Sendmail's report, with
  // "Reporting-MTA: dns; vrrr-22.int.example.co.jp" (its line 89). The inner report knows more, and its
  // reporting MTA is kept: the outer top facts have none to give and used to erase it.
  test('keeps the inner report’s Reporting-MTA', () => {
    const wrapped = readFileSync(
      path.resolve(import.meta.dirname, '../../test/corpus/sisimai/maildir/bsd/lhost-x5-01.eml'),
    );
    const analysis = analyzeSync(new Uint8Array(wrapped));
    expect(analysis.kind).toBe('ndr');
    expect(analysis.reportingMta).toBe('vrrr-22.int.example.co.jp');
  });
});
