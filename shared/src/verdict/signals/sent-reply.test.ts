import { describe, expect, test } from 'vitest';
import { analyze } from '../../analyze';
import { SentIndex } from '../../sent-index';
import { summarizeHeaders } from '../../summarize';
import type { Analysis, FoundInSent, Lookups, MessageIdLookup, RecipientLookup } from '../../types';
import { buildContext } from '../context';
import { decide } from '../decide';
import { analysis, outcome, profile, type SignalCase } from '../testing';
import { THRESHOLDS } from '../thresholds';
import * as signal from './sent-reply';

const REPLY_DATE = 'Mon, 23 Nov 2026 12:05:00 +0000';
const reply = (ids: MessageIdLookup[], fields: Partial<Analysis> = {}): Analysis =>
  analysis({
    kind: 'auto-reply',
    recipients: [],
    date: REPLY_DATE,
    answering: { inReplyTo: ids[0]?.messageId, references: [], quotedSubject: 'Hello' },
    lookups: ids,
    ...fields,
  });
/** The Sent copy as a shell answers a found In-Reply-To id: sent a few minutes before the reply. */
const copy = (fields: Partial<FoundInSent> = {}): FoundInSent => ({
  result: 'found',
  date: '2026-11-23T11:58:00.000Z',
  subject: 'Re: hello',
  ...fields,
});
const answered: RecipientLookup = {
  kind: 'by-recipient',
  key: 'a',
  role: 'answered',
  address: 'carol@remote.example',
  subject: 'hello',
  date: '2026-11-23T12:00:00.000Z',
  windowHours: 72,
};
const two = reply([
  { messageId: 'a@example.org', role: 'in-reply-to' },
  { messageId: 'b@example.org', role: 'references' },
]);

describe('fires', () => {
  test.each<SignalCase & { direction: string; variant: string }>([
    {
      name: 'the In-Reply-To id in Sent, dated just before the reply, same subject: the answered message',
      analysis: two,
      lookups: { 'a@example.org': copy(), 'b@example.org': 'not-found' },
      direction: 'legitimate',
      variant: 'found',
    },
    {
      // Security issue item 6: list archives show a real id with its subject and date.
      name: 'the In-Reply-To id in Sent, but sent years before the reply: named, not answered',
      analysis: two,
      lookups: { 'a@example.org': copy({ date: 'Tue, 5 Mar 2019 09:12:00 +0100' }) },
      direction: 'legitimate',
      variant: 'found-date-mismatch',
    },
    {
      name: 'the In-Reply-To id in Sent, the reply quoting another subject',
      analysis: reply(two.lookups as MessageIdLookup[], {
        answering: { inReplyTo: 'a@example.org', references: [], quotedSubject: 'Your mailbox is full' },
      }),
      lookups: { 'a@example.org': copy() },
      direction: 'legitimate',
      variant: 'found-subject-mismatch',
    },
    {
      name: 'the In-Reply-To id found, but the shell gave no date of the copy',
      analysis: two,
      lookups: { 'a@example.org': 'found' },
      direction: 'legitimate',
      variant: 'found-undated',
    },
    {
      name: 'the In-Reply-To id found, the reply itself undated',
      analysis: reply(two.lookups as MessageIdLookup[], { date: undefined }),
      lookups: { 'a@example.org': copy() },
      direction: 'legitimate',
      variant: 'found-undated',
    },
    {
      // Security issue item 6: anyone can copy a real id of the user's into References.
      name: 'only a References id in Sent: weak, never the veto',
      analysis: two,
      lookups: { 'b@example.org': 'found', 'a@example.org': 'not-found' },
      direction: 'legitimate',
      variant: 'references-found',
    },
    {
      name: 'every id searched, none found',
      analysis: two,
      lookups: { 'a@example.org': 'not-found', 'b@example.org': 'not-found' },
      direction: 'backscatter',
      variant: 'not-found',
    },
    {
      name: 'one id unavailable: not counted against',
      analysis: two,
      lookups: { 'a@example.org': 'not-found' },
      direction: 'neutral',
      variant: 'unavailable',
    },
    {
      name: 'names no message: looked up by its sender instead, found',
      analysis: { ...reply([]), lookups: [answered] },
      lookups: { a: 'found' },
      direction: 'legitimate',
      variant: 'found-recipient',
    },
    {
      // The lookup is anchored on the reply's own Date (the sender writes it): a find decides only when
      // that window reaches the arrival the user's server recorded.
      name: 'names no message: found around a Date backdated to 2019, arrived in 2026',
      analysis: {
        ...reply([]),
        lookups: [{ ...answered, date: '2019-03-05T09:00:00.000Z' }],
        receivedAt: '2026-11-23T12:05:00.000Z',
      },
      lookups: { a: 'found' },
      direction: 'legitimate',
      variant: 'found-recipient-date-mismatch',
    },
    {
      name: 'names no message: nothing to its sender’s domain then',
      analysis: { ...reply([]), lookups: [answered] },
      lookups: { a: 'not-found' },
      direction: 'backscatter',
      variant: 'not-found-recipient',
    },
    {
      name: 'names no message: Sent could not settle it',
      analysis: { ...reply([]), lookups: [answered] },
      lookups: {},
      direction: 'neutral',
      variant: 'unavailable-recipient',
    },
    {
      name: 'falls back to answering.inReplyTo',
      analysis: analysis({
        kind: 'challenge',
        recipients: [],
        date: REPLY_DATE,
        answering: { inReplyTo: 'c@example.org', references: [], quotedSubject: undefined },
      }),
      lookups: { 'c@example.org': copy({ subject: undefined }) },
      direction: 'legitimate',
      variant: 'found',
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: c.direction, variant: c.variant });
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    { name: 'auto-reply that names no message', analysis: reply([]) },
    {
      // Its id was looked up once, as the original: sent-original weighs the find.
      name: 'a challenge quoting the message it answers, found in Sent',
      analysis: analysis({
        kind: 'challenge',
        recipients: [],
        date: REPLY_DATE,
        answering: { inReplyTo: 'c@example.org', references: [], quotedSubject: undefined },
        lookups: [{ messageId: 'c@example.org', role: 'original' }],
      }),
      lookups: { 'c@example.org': 'found' },
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});

describe('the reply veto', () => {
  test('a References hit weighs less than the veto; an In-Reply-To hit that agrees reaches it', () => {
    const refs = outcomeEvidence({ 'b@example.org': 'found', 'a@example.org': 'not-found' });
    const answered = outcomeEvidence({ 'a@example.org': copy() });
    const old = outcomeEvidence({ 'a@example.org': copy({ date: '2019-03-05T08:12:00Z' }) });
    expect(refs?.weight).toBeLessThan(THRESHOLDS.vetoLegitimate);
    expect(answered?.weight).toBeGreaterThanOrEqual(THRESHOLDS.vetoLegitimate);
    expect(old?.weight).toBeLessThan(THRESHOLDS.vetoLegitimate);
    expect(old?.params).toMatchObject({ sentDate: '2019-03-05', replyDate: '2026-11-23' });
  });

  // The reply is dated Mon, 23 Nov 2026 12:05 UTC; where may the Sent copy be dated?
  test.each<[string, string, string]>([
    ['minutes before', '2026-11-23T12:00:00Z', 'found'],
    ['a wrong zone: the copy an hour after the reply', '2026-11-23T13:05:00Z', 'found'],
    ['29 days before (a responder that ran after a holiday)', '2026-10-25T12:05:00Z', 'found'],
    ['two days after the reply', '2026-11-25T12:05:00Z', 'found-date-mismatch'],
    ['31 days before', '2026-10-23T12:05:00Z', 'found-date-mismatch'],
    ['a list post of 2019', 'Tue, 5 Mar 2019 09:12:00 +0100', 'found-date-mismatch'],
    ['an unreadable date', 'yesterday', 'found-undated'],
  ])('copy sent %s', (_name, date, variant) => {
    expect(
      outcome(signal, { name: '', analysis: two, lookups: { 'a@example.org': copy({ date }) } }),
    ).toEqual({
      direction: 'legitimate',
      variant,
    });
  });

  test('a Date backdated to fit an old id: the arrival the user’s server recorded counts', () => {
    const backdated = reply(two.lookups as MessageIdLookup[], {
      date: 'Thu, 7 Mar 2019 10:00:00 +0100',
      receivedAt: '2026-11-23T12:05:30.000Z',
    });
    const old = copy({ date: 'Tue, 5 Mar 2019 09:12:00 +0100' });
    expect(outcome(signal, { name: '', analysis: backdated, lookups: { 'a@example.org': old } })).toEqual({
      direction: 'legitimate',
      variant: 'found-date-mismatch',
    });
    // Without a readable Received field, the reply's own Date is all there is.
    expect(
      outcome(signal, {
        name: '',
        analysis: { ...backdated, receivedAt: undefined },
        lookups: { 'a@example.org': old },
      }),
    ).toEqual({ direction: 'legitimate', variant: 'found' });
  });

  // Subjects compare as the user wrote them: prefixes, case, blanks and encoded words aside; a responder's
  // tag or untranslated prefix before the quoted subject still agrees.
  test.each<[string, string | undefined, string | undefined, string]>([
    ['Re: Lunch on Friday', 'Lunch on  friday', 'Re: Lunch on Friday', 'found'],
    ['AW: SV: encoded', 'Mittagessen am Freitag', '=?UTF-8?Q?AW:_Mittagessen_am_Freitag?=', 'found'],
    ['tag before', '[EXT] Auto: Lunch on Friday', 'Lunch on Friday', 'found'],
    ['no quoted subject', undefined, 'Lunch on Friday', 'found'],
    ['copy without subject', 'Lunch on Friday', undefined, 'found'],
    // analyze() made the reply's control character visible (U+FFFD); the copy is read raw.
    [
      'a control character in both',
      'Minutes of Tuesday\ufffds meeting',
      'Minutes of Tuesday\u0019s meeting',
      'found',
    ],
    ['another subject', 'Your mailbox is full', 'Lunch on Friday', 'found-subject-mismatch'],
  ])('%s', (_name, quotedSubject, subject, variant) => {
    const a = reply(two.lookups as MessageIdLookup[], {
      answering: { inReplyTo: 'a@example.org', references: [], quotedSubject },
    });
    expect(
      outcome(signal, { name: '', analysis: a, lookups: { 'a@example.org': copy({ subject }) } }),
    ).toEqual({
      direction: 'legitimate',
      variant,
    });
  });
});

function outcomeEvidence(lookups: Lookups) {
  return signal.evaluate(buildContext(two, profile(), lookups, undefined));
}

// The whole path as the CLI and the standalone analyzer take it: the message read by analyze(), the Sent
// folder a SentIndex, decide() on its answers. The user posted "Release notes for 2.4" to a public list
// in 2019; its id and subject are in the list's archive.
describe('a forged auto-reply naming a real, public Message-ID', () => {
  const sent = (date: string) =>
    new SentIndex([
      summarizeHeaders(
        new TextEncoder().encode(
          `From: Alice <alice@example.org>\nTo: dev@lists.example.net\nSubject: Release notes for 2.4\n` +
            `Date: ${date}\nMessage-ID: <5c9e1a2b.4711@example.org>\n\nHello list\n`,
        ),
      ),
    ]);
  const autoReply = (date: string, arrived = date) =>
    new TextEncoder().encode(
      `Received: from mx.remote.example (mx.remote.example [192.0.2.5])\n\tby mx.example.org (Postfix) with ESMTPS id 4AbC; ${arrived}\n` +
        `From: Bob <bob@remote.example>\nTo: alice@example.org\nSubject: Automatic reply: Release notes for 2.4\n` +
        `Date: ${date}\nMessage-ID: <ar-1@remote.example>\nIn-Reply-To: <5c9e1a2b.4711@example.org>\n` +
        `References: <5c9e1a2b.4711@example.org>\nAuto-Submitted: auto-replied\n\n` +
        `I am out of the office. Please confirm your account at the link below.\n`,
    );
  const verdictOf = async (sentDate: string, replyDate: string, arrived = replyDate) => {
    const a = await analyze(autoReply(replyDate, arrived));
    expect(a.receivedAt).toBe(new Date(arrived).toISOString());
    expect(a.kind).toBe('auto-reply');
    const d = decide(a, profile(), sent(sentDate).answer(a.lookups));
    return { veto: d.evidence.find(e => e.signal === 'sent-reply'), verdict: d.verdict };
  };

  test('years after the list post: the id counts, the veto does not', async () => {
    const { veto, verdict } = await verdictOf(
      'Tue, 5 Mar 2019 09:12:00 +0100',
      'Mon, 23 Nov 2026 12:05:00 +0000',
    );
    expect(veto?.params['variant']).toBe('found-date-mismatch');
    expect(veto!.weight).toBeLessThan(THRESHOLDS.vetoLegitimate);
    expect(verdict).not.toBe('legitimate');
  });

  test('…its Date backdated to two days after the post: the arrival gives it away', async () => {
    const { veto, verdict } = await verdictOf(
      'Tue, 5 Mar 2019 09:12:00 +0100',
      'Thu, 7 Mar 2019 10:00:00 +0100',
      'Mon, 23 Nov 2026 12:05:30 +0000',
    );
    expect(veto?.params['variant']).toBe('found-date-mismatch');
    expect(verdict).not.toBe('legitimate');
  });

  test('a genuine out-of-office a few minutes after the message: vetoed to legitimate', async () => {
    const { veto, verdict } = await verdictOf(
      'Mon, 23 Nov 2026 12:01:00 +0000',
      'Mon, 23 Nov 2026 12:05:00 +0000',
    );
    expect(veto?.params['variant']).toBe('found');
    expect(verdict).toBe('legitimate');
  });
});
