// The shell's side of the verdict: what reaches decide() and what the banner says.
import { describe, expect, test, vi } from 'vitest';
import { lookupKey, type Analysis, type Decision, type History } from '../../shared/src/index';
import { makeAssess, profileFromAddress } from '../src/verdict/assess';
import { notificationText } from '../src/verdict/notification-text';

// Cast, not annotated: the engine adds Analysis fields over time (the contract only grows).
const analysis = (over: Partial<Analysis> = {}): Analysis =>
  ({
    kind: 'ndr',
    format: undefined,
    mta: undefined,
    subject: undefined,
    from: undefined,
    to: [],
    date: undefined,
    messageId: undefined,
    reportingMta: undefined,
    recipients: [
      {
        address: 'bob@example.net',
        action: 'failed',
        status: '5.1.1',
        replyCode: undefined,
        diagnostic: undefined,
        remoteMta: undefined,
        reason: 'user-unknown',
      },
    ],
    original: undefined,
    answering: undefined,
    challengeVendor: undefined,
    lookups: [{ messageId: 'orig@example.org', role: 'original' }],
    warnings: [],
    ...over,
  }) as Analysis;

const decision = (verdict: Decision['verdict']): Decision => ({
  verdict,
  confidence: 0.7,
  evidence: [],
  explanation: [],
});

describe('makeAssess', () => {
  test('passes lookups, the profile and the history to decide', async () => {
    const decide = vi.fn(() => decision('backscatter'));
    const history: History = { automatedInWindow: 30, distinctRecipientDomains: 12, windowHours: 24 };
    const assess = makeAssess({ analyze: async () => analysis(), decide }, () => ({
      profile: profileFromAddress('Alice@Example.org'),
      lookup: async requests => Object.fromEntries(requests.map(r => [lookupKey(r), 'not-found' as const])),
    }));
    await assess(new Uint8Array(), history);
    expect(decide).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'ndr' }),
      expect.objectContaining({ addresses: ['alice@example.org'] }),
      { 'orig@example.org': 'not-found' },
      history,
    );
  });

  test('a failing Sent lookup leaves the ids unavailable instead of failing the check', async () => {
    const decide = vi.fn(() => decision('unsure'));
    const assess = makeAssess({ analyze: async () => analysis(), decide }, () => ({
      profile: profileFromAddress(undefined),
      lookup: () => Promise.reject(new Error('Graph down')),
    }));
    expect((await assess(new Uint8Array())).decision?.verdict).toBe('unsure');
    expect(decide).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ addresses: [] }),
      {},
      undefined,
    );
  });

  test('without decide(), the analysis alone', async () => {
    const assess = makeAssess({ analyze: async () => analysis() }, () => ({
      profile: profileFromAddress('a@b.example'),
    }));
    expect(await assess(new Uint8Array())).toEqual({ analysis: analysis(), decision: undefined });
  });
});

describe('notificationText', () => {
  test.each([
    [
      'backscatter NDR',
      analysis(),
      decision('backscatter'),
      'Likely backscatter: this delivery failure is about mail you did not send. You can move it to Junk.',
    ],
    [
      'real NDR',
      analysis(),
      decision('legitimate'),
      'Real bounce: your message to bob@example.net was not delivered. Open Backscatter Guard for what to do.',
    ],
    [
      'real delay (not "not delivered")',
      analysis({ kind: 'delay' }),
      decision('legitimate'),
      'Real delivery delay notice about a message you sent. Open Backscatter Guard for details.',
    ],
    [
      'unsure auto-reply',
      analysis({ kind: 'auto-reply', recipients: [] }),
      decision('unsure'),
      'Unsure: check Sent Items before deleting this automatic reply.',
    ],
    ['ordinary mail', analysis({ kind: 'other', recipients: [] }), decision(undefined), undefined],
    [
      'feedback report without a verdict',
      analysis({ kind: 'feedback-report' }),
      decision(undefined),
      undefined,
    ],
  ])('%s', (_name, a, d, text) => {
    expect(notificationText({ analysis: a, decision: d }, 'en')).toBe(text);
  });

  // Plain text above the message: no bidi control may reorder the line, whatever it was built from.
  test.each(['\u202e', '\u2066', '\u2067', '\u2068', '\u2069'])(
    'U+%s in the address is shown, not obeyed',
    c => {
      const hostile = analysis();
      hostile.recipients[0]!.address = `bob${c}@example.net`;
      const text = notificationText({ analysis: hostile, decision: decision('legitimate') }, 'en') ?? '';
      expect(text).not.toContain(c);
      expect(text).toContain('bob\ufffd@example.net');
    },
  );

  test('German', () => {
    expect(notificationText({ analysis: analysis(), decision: decision('legitimate') }, 'de')).toBe(
      'Echter Unzustellbarkeitsbericht: Ihre Nachricht an bob@example.net wurde nicht zugestellt.',
    );
  });
});

describe('add-in strings', () => {
  test('German has every English key and no placeholder English lacks (it may leave one out for grammar)', async () => {
    const { addinStrings } = await import('../src/strings');
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
    expect(Object.keys(addinStrings.de).sort()).toEqual(Object.keys(addinStrings.en).sort());
    for (const [key, text] of Object.entries(addinStrings.en)) {
      const english = placeholders(text);
      expect(
        placeholders(addinStrings.de[key] ?? '').filter(name => !english.includes(name)),
        key,
      ).toEqual([]);
    }
  });
});
