import { describe, expect, test } from 'vitest';
import type { Analysis, History, Lookups, Profile } from '../types';
import { decide, weigh } from './decide';
import { analysis, original, postfixHop, profile, recipient } from './testing';

const gmailUser = profile(['alice@gmail.com']);
const genuineEntry = postfixHop('mail-wr1-f54.google.com', '209.85.221.54', 'mx1.remote.example');
const botEntry = postfixHop('dsl-187-1-2-3.isp.example', '187.1.2.3', 'mx1.remote.example');
const from = [{ name: undefined, address: 'alice@gmail.com' }];
const bounce = (entry: typeof genuineEntry, extra: Partial<Parameters<typeof original>[0]> = {}): Analysis =>
  analysis({
    original: original({
      messageId: 'id-1@mail.gmail.com',
      from,
      received: [entry.hop],
      receivedRaw: [entry.raw],
      ...extra,
    }),
  });
const genuine = bounce(genuineEntry, {
  messageId: 'CAByYQsF5qdTf_h-1AAVPW0RgR1YN+LE=+0Uv9LpQ4aA_myPtCw@mail.gmail.com',
  dkim: [{ domain: 'gmail.com', selector: 's' }],
});
const forged = bounce(botEntry, { messageId: 'XJ3K9@mail.gmail.com' });

describe('decide', () => {
  test.each<{
    name: string;
    analysis: Analysis;
    profile: Profile;
    lookups: Lookups;
    history?: History;
    verdict: string | undefined;
  }>([
    {
      name: 'genuine Gmail bounce, Sent unavailable',
      analysis: genuine,
      profile: gmailUser,
      lookups: {},
      verdict: 'legitimate',
    },
    {
      name: 'forged Gmail bounce, Sent unavailable',
      analysis: forged,
      profile: gmailUser,
      lookups: {},
      verdict: 'backscatter',
    },
    {
      name: 'found in Sent, bounced within the queue lifetime, outweighs every forgery sign',
      analysis: { ...forged, receivedAt: '2026-03-02T09:10:00Z' },
      profile: gmailUser,
      lookups: {
        'XJ3K9@mail.gmail.com': { result: 'found', date: '2026-03-02T09:00:00Z', subject: undefined },
      },
      verdict: 'legitimate',
    },
    {
      // Issue 8 §6, the bounce side: a 2019 message copied whole from a list archive into a 2026 bounce.
      name: 'found in Sent, but years before the bounce arrived: the forgery signs decide',
      analysis: { ...forged, receivedAt: '2026-03-02T09:10:00Z' },
      profile: gmailUser,
      lookups: {
        'XJ3K9@mail.gmail.com': { result: 'found', date: '2019-05-14T08:00:00Z', subject: undefined },
      },
      verdict: 'backscatter',
    },
    {
      name: 'no original, no lookups: unsure',
      analysis: analysis(),
      profile: gmailUser,
      lookups: {},
      verdict: 'unsure',
    },
    {
      name: 'no original, a campaign alone does not decide',
      analysis: analysis(),
      profile: gmailUser,
      lookups: {},
      history: { automatedInWindow: 90, distinctRecipientDomains: 60, windowHours: 4 },
      verdict: 'unsure',
    },
    {
      name: 'not in Sent alone does not decide',
      analysis: analysis({ lookups: [{ messageId: 'q@x', role: 'original' }] }),
      profile: gmailUser,
      lookups: { 'q@x': 'not-found' },
      verdict: 'unsure',
    },
    {
      // "Not in Sent" and a wave lean backscatter together (calibrated threshold); that the user has
      // written to this recipient before outweighs both.
      name: 'not in Sent during a campaign, to someone the user writes to: unsure',
      analysis: analysis({ lookups: [{ messageId: 'q@x', role: 'original' }] }),
      profile: profile(['alice@gmail.com'], { correspondents: ['bob@remote.example'] }),
      lookups: { 'q@x': 'not-found' },
      history: { automatedInWindow: 90, distinctRecipientDomains: 60, windowHours: 4 },
      verdict: 'unsure',
    },
    {
      name: 'ordinary mail gets no verdict',
      analysis: analysis({ kind: 'other', recipients: [] }),
      profile: gmailUser,
      lookups: {},
      verdict: undefined,
    },
    {
      name: 'an abuse report gets no verdict',
      analysis: analysis({ kind: 'feedback-report', recipients: [] }),
      profile: gmailUser,
      lookups: {},
      verdict: undefined,
    },
  ])('$name → $verdict', c => {
    const d = decide(c.analysis, c.profile, c.lookups, c.history);
    expect(d.verdict).toBe(c.verdict);
    if (c.verdict !== undefined) {
      expect(d.evidence.length).toBeGreaterThan(0);
      expect(d.confidence).toBeGreaterThan(0);
      expect(d.confidence).toBeLessThanOrEqual(1);
    }
  });

  test('evidence is ordered strongest first, neutral notes last', () => {
    const d = decide(forged, gmailUser, { 'XJ3K9@mail.gmail.com': 'unavailable' });
    const weights = d.evidence.filter(e => e.direction !== 'neutral').map(e => e.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(d.evidence.at(-1)?.direction).toBe('neutral');
  });

  test('an unavailable Sent folder never pushes toward backscatter', () => {
    const base = decide(genuine, gmailUser, {});
    const unavailable = decide(genuine, gmailUser, { [genuine.original!.messageId!]: 'unavailable' });
    expect(unavailable.verdict).toBe(base.verdict);
    expect(unavailable.evidence.filter(e => e.direction === 'backscatter')).toEqual(
      base.evidence.filter(e => e.direction === 'backscatter'),
    );
  });

  test('two signals about one fact (the program that wrote it) count once', () => {
    const learned = profile(['alice@example.org'], {
      messageIdShapes: ['uuid-lower@example.org'],
      userAgents: ['thunderbird'],
      sampleSize: 50,
    });
    const phone = analysis({
      lookups: [{ messageId: 'A1B2C3D4-0000-4000-8000-0123456789AB@example.org', role: 'original' }],
      original: original({
        messageId: 'A1B2C3D4-0000-4000-8000-0123456789AB@example.org',
        userAgent: 'iPhone Mail (21G93)',
      }),
    });
    const d = decide(phone, learned, { 'A1B2C3D4-0000-4000-8000-0123456789AB@example.org': 'not-found' });
    expect(d.evidence.map(e => e.signal)).toEqual(
      expect.arrayContaining(['message-id-shape', 'user-agent', 'sent-original']),
    );
    // The program fact counts once: taking its weaker item away changes nothing.
    const program = d.evidence.filter(e => e.signal === 'message-id-shape' || e.signal === 'user-agent');
    expect(program.length).toBe(2);
    const weaker = program[0]!.weight <= program[1]!.weight ? program[0] : program[1];
    const copy = (list: typeof d.evidence) => list.map(e => ({ ...e }));
    expect(weigh(copy(d.evidence.filter(e => e !== weaker)))).toEqual(weigh(copy(d.evidence)));
  });

  test('spam words, a spam-run recipient list and a spam refusal are one fact', () => {
    const spammy = analysis({
      lookups: [{ messageId: 'q1@example.org', role: 'original' }],
      recipients: [recipient({ reason: 'spam-blocked', status: '5.7.1' })],
      original: original({
        messageId: 'q1@example.org',
        subject: 'Bitcoin and casino question',
        to: Array.from({ length: 12 }, (_, i) => ({ name: undefined, address: `p${i}@x${i}.example` })),
      }),
    });
    // Three signals, one fact: weighing all of them gives what the strongest alone gives.
    const d = decide(spammy, profile(['alice@example.org']), { 'q1@example.org': 'not-found' });
    const spamSignals = d.evidence.filter(e =>
      ['spam-content', 'spam-recipients', 'bounce-reason'].includes(e.signal),
    );
    expect(spamSignals.length).toBe(3);
    const strongest = spamSignals[0]!;
    const alone = d.evidence.filter(e => !spamSignals.includes(e) || e === strongest).map(e => ({ ...e }));
    expect(weigh(alone)).toEqual({ verdict: d.verdict, confidence: d.confidence });
  });

  test('explains a legitimate bounce per recipient', () => {
    const d = decide(
      { ...genuine, recipients: [recipient({ status: '5.7.26', reason: 'auth-policy' })] },
      gmailUser,
      {},
    );
    expect(d.explanation).toEqual([
      expect.objectContaining({
        key: 'explain.dmarc-fail',
        recipient: 'bob@remote.example',
        status: '5.7.26',
      }),
    ]);
  });

  test('is pure: same input, same output, inputs untouched', () => {
    const snapshot = JSON.stringify([forged, gmailUser]);
    const a = decide(forged, gmailUser, {});
    const b = decide(forged, gmailUser, {});
    expect(a).toEqual(b);
    expect(JSON.stringify([forged, gmailUser])).toBe(snapshot);
  });
});

describe('a person’s message and prose without substance get no verdict (verdict issue, item 10)', () => {
  const forwarded = (by: string): Analysis =>
    analysis({
      from: { name: 'Bob', address: by },
      original: original({ ...forged.original!, via: 'forwarded' }),
      lookups: [{ messageId: 'XJ3K9@mail.gmail.com', role: 'original' }],
    });

  test('a bounce forwarded by someone else: no verdict, whatever it carries', () => {
    const d = decide(forwarded('bob@elsewhere.example'), gmailUser, { 'XJ3K9@mail.gmail.com': 'not-found' });
    expect(d.verdict).toBeUndefined();
  });

  test('marked by the engine as carrying a forwarded report: no verdict', () => {
    const a: Analysis = { ...forged, contains: ['forwarded-report'] };
    expect(decide(a, gmailUser, {}).verdict).toBeUndefined();
  });

  test('a bounce the user forwarded to themselves is still judged', () => {
    const d = decide(forwarded('alice@gmail.com'), gmailUser, { 'XJ3K9@mail.gmail.com': 'not-found' });
    expect(d.verdict).toBe('backscatter');
  });

  test('a prose notice naming only the user, no status, no original: no verdict (phishing dressed as a bounce)', () => {
    const a = analysis({
      recipients: [recipient({ address: 'alice@gmail.com', status: undefined, diagnostic: undefined })],
    });
    expect(decide(a, gmailUser, {}).verdict).toBeUndefined();
  });

  test('the same notice with a status code is judged', () => {
    const a = analysis({ recipients: [recipient({ address: 'alice@gmail.com', status: '5.1.1' })] });
    expect(decide(a, gmailUser, {}).verdict).toBeDefined();
  });
});

describe('the user’s own server took it from the user’s account (verdict issue, item 6)', () => {
  test('an authenticated submission on the user’s own server is legitimate, whatever else it looks like', () => {
    const own = profile(['carol@carol-home.example'], { relays: ['mail.carol-home.example'] });
    const submission = {
      raw: 'from [192.168.1.20] (p5dd1a2b3.dip0.t-ipconnect.example [93.209.1.2]) by mail.carol-home.example (Postfix) with ESMTPSA id 4Z; date',
      hop: {
        fromHost: 'p5dd1a2b3.dip0.t-ipconnect.example',
        helo: undefined,
        ip: '93.209.1.2',
        byHost: 'mail.carol-home.example',
        protocol: 'ESMTPSA',
        date: undefined,
      },
    };
    const a = analysis({
      reportingMta: 'mail.carol-home.example',
      original: original({
        messageId: 'odd-shape@spam.example',
        from: [{ name: undefined, address: 'carol@carol-home.example' }],
        received: [submission.hop],
        receivedRaw: [submission.raw],
      }),
      lookups: [{ messageId: 'odd-shape@spam.example', role: 'original' }],
    });
    expect(decide(a, own, { 'odd-shape@spam.example': 'not-found' }).verdict).toBe('legitimate');
  });
});

describe('sender-written fields behind a bot (verdict issue, item 7)', () => {
  const realShape = 'CAByYQsF5qdTf_h-1AAVPW0RgR1YN+LE=+0Uv9LpQ4aA_myPtCw@mail.gmail.com';

  test('a Gmail-format id in a complete block without any Google hop or signature is a forged provider id', () => {
    const d = decide(bounce(botEntry, { messageId: realShape }), gmailUser, {});
    expect(d.evidence.find(e => e.signal === 'message-id-shape')?.params['variant']).toBe('forged-provider');
  });

  test('the same id handed over by Gmail is a match', () => {
    const d = decide(bounce(genuineEntry, { messageId: realShape }), gmailUser, {});
    expect(d.evidence.find(e => e.signal === 'message-id-shape')?.params['variant']).toBe('match');
  });

  test('the user’s From and signature header behind a dial-up entry add nothing toward legitimate', () => {
    const d = decide(bounce(botEntry, { dkim: [{ domain: 'gmail.com', selector: 's' }] }), gmailUser, {});
    expect(
      d.evidence.filter(
        e => e.direction === 'legitimate' && ['original-sender', 'dkim-signature'].includes(e.signal),
      ),
    ).toEqual([]);
  });
});
