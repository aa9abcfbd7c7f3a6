import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPersona } from '../../../test/scenarios/evaluate';
import { analyze } from '../../analyze';
import { SentIndex } from '../../sent-index';
import type { Analysis, Decision } from '../../types';
import { buildContext } from '../context';
import { decide } from '../decide';
import { analysis, original, profile } from '../testing';
import * as signal from './replayed-original';

// The replay finding of security issue 8, in small: a genuine bounce of the scenario set (one per
// provider persona, its Sent folder and learned profile as the eval harness loads them), decided once
// with its Sent copy ten minutes before the bounce arrived, and once with that copy dated two years
// earlier, as when a forger copies the user's old list post whole (id, Received chain, DKIM-Signature,
// Authentication-Results) from an archive into a forged bounce. Before the rule, all of these were
// `legitimate` both ways: the copied headers alone cleared the threshold.
const scenarios = path.resolve(import.meta.dirname, '../../../test/scenarios/messages');

const MINUTE = 60_000;
const YEAR = 365 * 24 * 60 * MINUTE;

async function decideWithCopyAt(file: string, persona: string, before: number) {
  const a = await analyze(new Uint8Array(readFileSync(path.join(scenarios, file))));
  const mail = loadPersona(persona);
  const id = a.original!.messageId!.toLowerCase();
  const arrived = Date.parse(a.receivedAt!);
  const redated = mail.sent.summaries.map(s =>
    s.messageId?.toLowerCase() === id ? { ...s, date: new Date(arrived - before).toUTCString() } : s,
  );
  const sent = new SentIndex(redated);
  expect(sent.hasId(id)).toBe(true);
  return { a, d: decide(a, mail.profile, sent.answer(a.lookups)) };
}

/** Signals that read the quoted original's own header block (context.ts `originalHeadersVouch`). */
const HEADER_SIGNALS = [
  'entry-hop',
  'original-auth',
  'dkim-signature',
  'message-id-shape',
  'original-sender',
  'user-agent',
  'return-path-tag',
  'correspondent', // the failed recipient is the old message's, in Sent because that message is
];
const legitFromHeaders = (d: Decision) =>
  d.evidence.filter(e => e.direction === 'legitimate' && HEADER_SIGNALS.includes(e.signal));

const BOUNCES: [file: string, persona: string][] = [
  ['001-gmail-genuine-in-sent.eml', 'gmail'],
  ['069-m365-genuine-in-sent.eml', 'm365'],
  ['137-selfhosted-genuine-in-sent.eml', 'selfhosted'],
  ['205-gmx-genuine-in-sent.eml', 'gmx'],
  ['271-yahoo-genuine-in-sent.eml', 'yahoo'],
  ['337-fastmail-genuine-in-sent.eml', 'fastmail'],
  ['405-icloud-genuine-in-sent.eml', 'icloud'],
  ['471-gmail-sendas-genuine-in-sent.eml', 'gmail-sendas'],
];

describe('a genuine-in-Sent bounce whose Sent copy is dated', () => {
  test.each(BOUNCES)('ten minutes earlier: legitimate, as today (%s)', async (file, persona) => {
    const { d } = await decideWithCopyAt(file, persona, 10 * MINUTE);
    expect(d.verdict).toBe('legitimate');
    expect(d.evidence.find(e => e.signal === 'sent-original')?.params['variant']).toBe('found');
    expect(d.evidence.some(e => e.signal === signal.id)).toBe(false);
  });

  test.each(BOUNCES)('two years earlier (a replay): never legitimate (%s)', async (file, persona) => {
    const { a, d } = await decideWithCopyAt(file, persona, 2 * YEAR);
    expect(d.verdict).not.toBe('legitimate');
    // A replay is no evidence of backscatter by itself: these bounces have nothing else against them.
    expect(d.verdict).toBe('unsure');
    expect(legitFromHeaders(d)).toEqual([]);
    // Only the out-of-window find itself still leans (sentFoundOutOfWindow), as before the rule.
    expect(d.evidence.filter(e => e.direction === 'legitimate').map(e => e.params['variant'])).toEqual([
      'found-date-mismatch',
    ]);
    expect(d.evidence.find(e => e.signal === signal.id)).toMatchObject({
      direction: 'neutral',
      weight: 0,
      params: { variant: 'headers', messageId: a.original!.messageId },
    });
  });
});

describe('fires', () => {
  const ARRIVED = '2026-11-23T12:10:00.000Z';
  const quoted = analysis({ original: original({ messageId: 'abc@example.org' }), receivedAt: ARRIVED });
  test.each<{ name: string; a: Analysis; date: string | undefined; fires: boolean }>([
    { name: 'copy two years before arrival', a: quoted, date: '2024-11-23T12:00:00.000Z', fires: true },
    { name: 'copy three weeks after arrival', a: quoted, date: '2026-12-14T12:00:00.000Z', fires: true },
    { name: 'copy ten minutes before arrival', a: quoted, date: '2026-11-23T12:00:00.000Z', fires: false },
    { name: 'copy thirteen days before arrival', a: quoted, date: '2026-11-10T12:00:00.000Z', fires: false },
    // Undated: nothing shows a replay, only that the dates cannot be compared (kept as before).
    { name: 'undated copy', a: quoted, date: undefined, fires: false },
    {
      name: 'undated bounce',
      a: analysis({ original: original({ messageId: 'abc@example.org' }) }),
      date: '2024-11-23T12:00:00.000Z',
      fires: false,
    },
    {
      // No quoted header block: nothing was read from one, so nothing to set aside.
      name: 'a lookup request without a quoted original',
      a: analysis({ lookups: [{ messageId: 'abc@example.org', role: 'original' }], receivedAt: ARRIVED }),
      date: '2024-11-23T12:00:00.000Z',
      fires: false,
    },
  ])('$name', ({ a, date, fires }) => {
    const ctx = buildContext(
      a,
      profile(),
      { 'abc@example.org': { result: 'found', date, subject: undefined } },
      undefined,
    );
    const e = signal.evaluate(ctx);
    expect(e !== undefined).toBe(fires);
    expect(ctx.originalHeadersVouch).toBe(!fires);
    if (fires) {
      expect(e).toMatchObject({ direction: 'neutral', weight: 0, params: { variant: 'headers' } });
      expect(ctx.senderFieldsVouch).toBe(false);
    }
  });

  test('not found or unavailable: no replay', () => {
    const a = analysis({ original: original({ messageId: 'abc@example.org' }), receivedAt: ARRIVED });
    for (const answer of ['not-found', 'unavailable'] as const) {
      expect(signal.evaluate(buildContext(a, profile(), { 'abc@example.org': answer }, undefined))).toBe(
        undefined,
      );
    }
  });
});
