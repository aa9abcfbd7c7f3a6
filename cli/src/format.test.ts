import { describe, expect, test } from 'vitest';
import { analysis, ordinary, original, recipient } from '../test/analysis';
import {
  addToTally,
  emptyTally,
  reasonCell,
  recipientsCell,
  subjectCell,
  summaryLine,
  tableHeader,
  tableLayout,
  tableRow,
  toJsonRecord,
} from './format';
import { ansi, displayWidth, plain } from './text';

describe('toJsonRecord', () => {
  test('a bounce: the contract fields, nulls for unknowns', () => {
    const record = toJsonRecord({
      source: 'box.mbox#3',
      analysis: analysis({ recipients: [recipient({ replyCode: undefined })] }),
    });
    expect(Object.keys(record)).toEqual([
      'source',
      'kind',
      'format',
      'subject',
      'recipients',
      'original',
      'error',
      'warnings',
      'reportingMta',
      'answering',
      'challengeVendor',
      'mta',
    ]);
    expect(record.source).toBe('box.mbox#3');
    expect(record.kind).toBe('ndr');
    expect(record.recipients).toEqual([
      {
        address: 'nobody@example.net',
        action: 'failed',
        status: '5.1.1',
        replyCode: null,
        reason: 'user-unknown',
        diagnostic: '550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown',
        remoteMta: 'mx.example.net',
      },
    ]);
    expect(record.original).toMatchObject({
      found: true,
      via: 'message/rfc822',
      messageId: 'abc@example.org',
      from: [{ name: 'Me', address: 'me@example.org' }],
      to: [{ name: null, address: 'nobody@example.net' }],
      subject: 'Hello there',
      inReplyTo: null,
      received: [expect.objectContaining({ fromHost: 'mail.example.org', ip: '192.0.2.1' })],
      auth: [expect.objectContaining({ method: 'spf', result: 'pass' })],
      dkim: [{ domain: 'example.org', selector: 's1' }],
    });
    expect(record.error).toBeNull();
    expect(record.answering).toBeNull();
    expect(record).not.toHaveProperty('verdict');
  });

  test('an auto-reply says what it answers', () => {
    const record = toJsonRecord({
      source: 'a',
      analysis: analysis({
        kind: 'auto-reply',
        recipients: [],
        original: undefined,
        answering: { inReplyTo: 'x@example.org', references: [], quotedSubject: undefined },
      }),
    });
    expect(record.answering).toEqual({ inReplyTo: 'x@example.org', references: [], quotedSubject: null });
  });

  test('no original: found false, same keys', () => {
    const withOriginal = toJsonRecord({ source: 'a', analysis: analysis() });
    const without = toJsonRecord({ source: 'a', analysis: analysis({ original: undefined }) });
    expect(without.original.found).toBe(false);
    expect(Object.keys(without.original)).toEqual(Object.keys(withOriginal.original));
  });

  test('an unreadable file', () => {
    const record = toJsonRecord({ source: 'x.eml', error: 'EACCES: permission denied' });
    expect(record).toMatchObject({
      source: 'x.eml',
      kind: null,
      recipients: [],
      error: 'EACCES: permission denied',
    });
    expect(record.original.found).toBe(false);
  });

  test('hops, auth results and signatures carry every key, null when unknown', () => {
    const record = toJsonRecord({
      source: 'a',
      analysis: analysis({
        original: original({
          received: [
            {
              fromHost: undefined,
              helo: 'x',
              ip: undefined,
              byHost: 'mx',
              protocol: undefined,
              date: undefined,
            },
          ],
          auth: [
            { source: 'received-spf', authserv: undefined, method: 'spf', result: 'fail', domain: undefined },
          ],
          dkim: [{ domain: 'example.org', selector: undefined }],
        }),
      }),
    });
    expect(record.original.received).toEqual([
      { fromHost: null, helo: 'x', ip: null, byHost: 'mx', protocol: null, date: null },
    ]);
    expect(record.original.auth).toEqual([
      { source: 'received-spf', authserv: null, method: 'spf', result: 'fail', domain: null },
    ]);
    expect(record.original.dkim).toEqual([{ domain: 'example.org', selector: null }]);
  });

  test('round-trips through JSON unchanged (no undefined anywhere)', () => {
    const record = toJsonRecord({
      source: 'a',
      analysis: analysis({ original: original({ received: [] }) }),
    });
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });

  test('with a decision: verdict, confidence, evidence, explanation text', () => {
    const record = toJsonRecord(
      {
        source: 'a',
        analysis: analysis(),
        decision: {
          verdict: 'legitimate',
          confidence: 0.91234,
          evidence: [
            {
              signal: 'sent-original',
              direction: 'legitimate',
              weight: 5,
              params: { messageId: 'abc@example.org' },
            },
          ],
          explanation: [
            {
              recipient: 'nobody@example.net',
              reason: 'user-unknown',
              status: '5.1.1',
              key: 'explain.user-unknown',
              params: {},
            },
          ],
        },
      },
      item => `text for ${item.key}`,
    );
    expect(record.verdict).toBe('legitimate');
    expect(record.confidence).toBe(0.912);
    expect(record.evidence?.[0]?.signal).toBe('sent-original');
    expect(record.explanation?.[0]?.text).toBe('text for explain.user-unknown');
  });

  test('a kind without a verdict has verdict null', () => {
    const record = toJsonRecord({
      source: 'a',
      analysis: ordinary(),
      decision: { verdict: undefined, confidence: 0, evidence: [], explanation: [] },
    });
    expect(record.verdict).toBeNull();
    expect(record.confidence).toBeNull();
  });
});

describe('cells', () => {
  test.each([
    ['one recipient', analysis(), 'nobody@example.net'],
    [
      'three recipients',
      analysis({
        recipients: [recipient(), recipient({ address: 'b@x.org' }), recipient({ address: 'c@x.org' })],
      }),
      'nobody@example.net +2',
    ],
    ['bounce without recipients', analysis({ recipients: [] }), '—'],
    [
      'auto-reply: who answered',
      analysis({ kind: 'auto-reply', recipients: [], from: { name: 'Boss', address: 'boss@example.org' } }),
      'from boss@example.org',
    ],
    ['challenge without a sender', analysis({ kind: 'challenge', recipients: [], from: undefined }), '—'],
    ['ordinary mail', ordinary(), ''],
  ])('recipients: %s', (_name, a, expected) => {
    expect(recipientsCell(a)).toBe(expected);
  });

  test.each([
    ['status', analysis(), 'user-unknown 5.1.1'],
    [
      'reply code only',
      analysis({ recipients: [recipient({ status: undefined, reason: 'mailbox-full' })] }),
      'mailbox-full 550',
    ],
    [
      'challenge vendor',
      analysis({ kind: 'challenge', recipients: [], challengeVendor: 'boxbe' }),
      'vendor boxbe',
    ],
  ])('reason: %s', (_name, a, expected) => {
    expect(reasonCell(a)).toBe(expected);
  });

  test.each([
    ['original subject', analysis(), 'Hello there'],
    [
      'auto-reply quotes it',
      analysis({
        kind: 'auto-reply',
        original: undefined,
        answering: { inReplyTo: undefined, references: [], quotedSubject: 'Lunch' },
      }),
      'Lunch',
    ],
    ['ordinary mail: its own subject', ordinary('Lunch?'), 'Lunch?'],
    ['a bounce with no original', analysis({ original: undefined }), ''],
    [
      'controls stripped',
      analysis({ original: original({ subject: 'a\u001b[31mred\r\nb' }) }),
      'a [31mred b',
    ],
  ])('subject: %s', (_name, a, expected) => {
    expect(subjectCell(a)).toBe(expected);
  });
});

describe('table', () => {
  const layout = tableLayout(120, false);

  test.each([80, 100, 120, 160, 200])('layout fits a %i-column terminal exactly, rows included', columns => {
    for (const withVerdict of [false, true]) {
      const l = tableLayout(columns, withVerdict);
      const total =
        l.source + l.kind + l.verdict + l.recipients + l.reason + l.subject + (withVerdict ? 10 : 8);
      expect(total).toBe(columns);
      expect(l.subject).toBeGreaterThanOrEqual(10);
      expect(l.verdict > 0).toBe(withVerdict);
      const long = 'x'.repeat(300);
      const decision = withVerdict
        ? { verdict: 'unsure' as const, confidence: 0.5, evidence: [], explanation: [] }
        : undefined;
      const row = tableRow(
        { source: long, analysis: analysis({ original: original({ subject: long }) }), decision },
        l,
        plain,
        () => long,
      );
      expect(displayWidth(row)).toBeLessThanOrEqual(columns);
    }
  });

  test('header and row line up', () => {
    const header = tableHeader(layout, plain);
    const row = tableRow({ source: 'samples/bounce.eml', analysis: analysis() }, layout, plain);
    expect(header.indexOf('KIND')).toBe(row.indexOf('ndr'));
    expect(header.indexOf('RECIPIENTS')).toBe(row.indexOf('nobody@'));
    expect(header.indexOf('ORIGINAL SUBJECT')).toBe(row.indexOf('Hello there'));
  });

  test('wide characters keep the columns aligned', () => {
    const row = tableRow(
      { source: 'a', analysis: analysis({ original: original({ subject: 'メール送信エラー' }) }) },
      layout,
      plain,
    );
    const ascii = tableRow(
      { source: 'a', analysis: analysis({ original: original({ subject: 'QQQ' }) }) },
      layout,
      plain,
    );
    expect(displayWidth(row.slice(0, row.indexOf('メ')))).toBe(ascii.indexOf('QQQ'));
  });

  test('no row is wider than the layout', () => {
    const long = 'x'.repeat(500);
    const row = tableRow(
      {
        source: long,
        analysis: analysis({
          original: original({ subject: long }),
          recipients: [recipient({ address: long })],
        }),
      },
      layout,
      plain,
    );
    expect(displayWidth(row)).toBeLessThanOrEqual(120);
  });

  // Trojan Source (CVE-2021-42574): RLO and the isolates in any message field must not reach the
  // terminal, where they would reorder the rest of the row.
  test.each(['\u202e', '\u2066', '\u2067', '\u2068', '\u2069'])('U+%s in every cell is removed', c => {
    const l = tableLayout(200, true);
    const decision = { verdict: 'unsure' as const, confidence: 0.5, evidence: [], explanation: [] };
    const row = tableRow(
      {
        source: `a${c}.eml`,
        analysis: analysis({
          original: original({ subject: `Hi ${c}there` }),
          recipients: [recipient({ address: `bob${c}@example.com`, status: `5.1.1${c}` })],
        }),
        decision,
      },
      l,
      plain,
      () => `host ${c}evil`,
    );
    expect(row).not.toContain(c);
    expect(reasonCell(analysis({ recipients: [recipient({ status: `5.1.1${c}` })] }))).not.toContain(c);
  });

  test('errors are rows too', () => {
    const row = tableRow({ source: 'x.eml', error: 'EACCES: permission denied' }, layout, plain);
    expect(row).toMatch(/x\.eml\s+error\s+EACCES/);
  });

  test('colour by kind only when painting', () => {
    expect(tableRow({ source: 'a', analysis: analysis() }, layout, ansi)).toContain('\u001b[31mndr');
    expect(tableRow({ source: 'a', analysis: analysis() }, layout, plain)).not.toContain('\u001b');
  });

  test('a verdict column and a reason from the why() text', () => {
    const l = tableLayout(140, true);
    const decision = { verdict: 'backscatter' as const, confidence: 0.9, evidence: [], explanation: [] };
    const row = tableRow(
      { source: 'a', analysis: analysis(), decision },
      l,
      plain,
      () => 'not in your Sent folder',
    );
    expect(tableHeader(l, plain)).toMatch(/KIND\s+VERDICT\s+RECIPIENTS\s+WHY/);
    expect(row).toMatch(/ndr\s+backscatter\s+nobody@example\.net\s+not in your Sent folder/);
  });
});

test('summary line counts kinds, verdicts and errors', () => {
  const tally = emptyTally();
  addToTally(tally, {
    source: 'a',
    analysis: analysis(),
    decision: { verdict: 'backscatter', confidence: 1, evidence: [], explanation: [] },
  });
  addToTally(tally, {
    source: 'b',
    analysis: analysis(),
    decision: { verdict: 'legitimate', confidence: 1, evidence: [], explanation: [] },
  });
  addToTally(tally, { source: 'c', analysis: ordinary() });
  addToTally(tally, { source: 'd', error: 'ENOENT' });
  expect(summaryLine(tally)).toBe(
    '3 messages: 2 ndr, 1 other · verdicts: 1 backscatter, 1 legitimate · 1 unreadable',
  );
  expect(summaryLine(emptyTally())).toBe('0 messages');
  expect(summaryLine({ messages: 86094, errors: 0, kinds: { other: 81789, ndr: 4305 }, verdicts: {} })).toBe(
    '86,094 messages: 4,305 ndr, 81,789 other',
  );
});
