// learnFromConfirmed: bounces whose original was found in Sent teach the user's route (issue 9 §5).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze';
import type { Analysis, Lookups, Profile } from '../types';
import { decide } from './decide';
import { emptyProfile, learnFromConfirmed, withConfirmed } from './profile';
import { analysis, hop, original } from './testing';

const scenarios = path.resolve(import.meta.dirname, '../../test/scenarios/messages');
const read = async (file: string) => analyze(new Uint8Array(readFileSync(path.join(scenarios, file))));

const bob = emptyProfile(['bob.keller@contoso-example.com']);
/** Found in Sent, as every shell answers it: with the copy's date (the quoted original's own Date). */
const found = (a: Analysis, date = a.original?.date): Lookups => ({
  [a.original!.messageId!]: { result: 'found', date, subject: undefined },
});

describe('learns only from an original found in Sent by its id', () => {
  const a = analysis({
    original: original({
      messageId: 'x@mail.example.org',
      received: [hop({ fromHost: 'out.example.org', ip: '192.0.2.7', byHost: 'mx.remote.example' })],
    }),
  });
  test.each<[string, Lookups]>([
    ['not found', { 'x@mail.example.org': 'not-found' }],
    ['unavailable', { 'x@mail.example.org': 'unavailable' }],
    ['no answer', {}],
  ])('%s: the same profile, untouched', (_name, lookups) => {
    const p = emptyProfile(['alice@example.org']);
    expect(learnFromConfirmed(p, a, lookups)).toBe(p);
  });

  test('an archived message quoted in a bounce years later is not ground truth (issue 8 §6)', () => {
    const p = emptyProfile(['alice@example.org']);
    const late = { ...a, receivedAt: '2026-11-23T12:10:00.000Z' };
    expect(learnFromConfirmed(p, late, found(late, 'Tue, 14 May 2019 10:00:00 +0200'))).toBe(p);
    expect(learnFromConfirmed(p, late, found(late, undefined))).toBe(p);
    // The same bounce ten minutes after the copy teaches.
    expect(learnFromConfirmed(p, late, found(late, '2026-11-23T12:00:00.000Z'))).not.toBe(p);
  });

  test('a by-recipient match is not ground truth', () => {
    const p = emptyProfile(['alice@example.org']);
    const byRecipient = analysis({
      lookups: [
        {
          kind: 'by-recipient',
          key: 'r',
          role: 'original',
          address: 'bob@remote.example',
          subject: 'x',
          date: '2026-11-23T12:00:00.000Z',
          windowHours: 24,
        },
      ],
    });
    expect(learnFromConfirmed(p, byRecipient, { r: 'found' })).toBe(p);
  });
});

describe('a Microsoft 365 user with a custom domain (no provider known from the address)', () => {
  test('records the entry host and IP, the relays below it, DKIM d=/s= and the Message-ID habit', async () => {
    const first = await read('069-m365-genuine-in-sent.eml');
    const learned = learnFromConfirmed(bob, first, found(first));
    expect(learned.confirmed).toEqual({
      count: 1,
      entryHosts: ['mail-vi1eur05on2014.outbound.protection.outlook.com'],
      entryIps: ['40.107.200.14'],
      relays: ['db9pr08mb9959.eurprd05.prod.outlook.com', 'am0pr07mb6786.eurprd07.prod.outlook.com'],
      dkim: ['d=contoso-example.com; s=20230601'],
      messageIdDomains: ['db9pr01mb2967.eurprd07.prod.outlook.com'],
      messageIdShapes: [expect.stringMatching(/@db9pr01mb2967/)],
    });
    expect(learned.relays).toContain('mail-vi1eur05on2014.outbound.protection.outlook.com');
    expect(learned.dkimDomains).toContain('contoso-example.com');
  });

  test('the next bounce, with no Sent folder to ask, is recognised by its route', async () => {
    const first = await read('069-m365-genuine-in-sent.eml');
    // (The scenario set was rebuilt from real spam; 073 is the next one handed over by a receiver whose
    // record alone leaves it unsure.)
    const next = await read('073-m365-genuine-in-sent.eml');
    expect(decide(next, bob, {}).verdict).toBe('unsure');
    const learned = learnFromConfirmed(bob, first, found(first));
    const d = decide(next, learned, {});
    expect(d.verdict).toBe('legitimate');
    expect(d.evidence.find(e => e.signal === 'entry-hop')?.direction).toBe('legitimate');
  });

  test('survives relearning from Sent: withConfirmed folds it into a fresh profile', async () => {
    const first = await read('069-m365-genuine-in-sent.eml');
    const learned = learnFromConfirmed(bob, first, found(first));
    const fresh = withConfirmed(emptyProfile(['bob.keller@contoso-example.com']), learned.confirmed);
    expect(fresh.relays).toEqual(learned.relays);
    expect(withConfirmed(fresh, fresh.confirmed)).toEqual(fresh); // idempotent
    expect(JSON.parse(JSON.stringify(fresh))).toEqual(fresh); // plain data, storable as is
  });
});

test('bounded: the newest 32 of each list', () => {
  let p = emptyProfile(['alice@example.org']);
  for (let i = 0; i < 100; i++) {
    const a = analysis({
      original: original({
        messageId: `m${i}@host${i}.example.org`,
        received: [hop({ fromHost: `out${i}.example.org`, ip: `192.0.2.${i}`, byHost: 'mx.remote.example' })],
        dkim: [{ domain: `d${i}.example.org`, selector: 's' }],
        date: '2026-11-23T12:00:00.000Z',
      }),
      receivedAt: '2026-11-23T12:05:00.000Z',
    });
    p = learnFromConfirmed(p, a, found(a));
  }
  expect(p.confirmed?.count).toBe(100);
  for (const list of ['entryIps', 'dkim', 'messageIdDomains'] as const) {
    expect(p.confirmed?.[list].length).toBe(32);
  }
  expect(p.confirmed?.entryIps.at(-1)).toBe('192.0.2.99');
  expect(p.relays.length).toBeLessThanOrEqual(64);
});

test('a stored record from elsewhere (missing or wrong fields) is read safely', () => {
  const p = emptyProfile(['alice@example.org']);
  const broken = { count: 'x', relays: ['relay.example.org', 7] } as unknown as Profile['confirmed'];
  expect(withConfirmed(p, broken).relays).toEqual(['relay.example.org']);
  expect(withConfirmed(p, null as unknown as Profile['confirmed'])).toBe(p);
});
