// decide() is pure and total: whatever the analysis holds (it comes from hostile mail), it returns a
// valid decision and never throws.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Analysis, FoundInSent, MessageKind } from '../types';
import { lookupKey } from '../sent-index';
import { decide } from './decide';
import { analysis, hop, original, profile } from './testing';

const text = fc.string({ maxLength: 80 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const kinds: MessageKind[] = [
  'ndr',
  'delay',
  'delivery-receipt',
  'auto-reply',
  'challenge',
  'virus-notice',
  'read-receipt',
  'feedback-report',
  'other',
];

const arbAnalysis: fc.Arbitrary<Analysis> = fc
  .record({
    kind: fc.constantFrom(...kinds),
    reportingMta: maybe(text),
    messageId: maybe(text),
    from: maybe(text),
    hops: fc.array(
      fc.record({
        fromHost: maybe(text),
        helo: maybe(text),
        ip: maybe(text),
        byHost: maybe(text),
        protocol: maybe(text),
      }),
      { maxLength: 8 },
    ),
    raws: fc.array(text, { maxLength: 8 }),
    auth: fc.array(fc.record({ method: text, result: text, domain: maybe(text), authserv: maybe(text) }), {
      maxLength: 4,
    }),
    dkim: fc.array(text, { maxLength: 3 }),
    subject: maybe(text),
    userAgent: maybe(text),
    inReplyTo: maybe(text),
  })
  .map(r =>
    analysis({
      kind: r.kind,
      reportingMta: r.reportingMta,
      lookups: r.messageId ? [{ messageId: r.messageId, role: 'original' }] : [],
      answering: { inReplyTo: r.inReplyTo, references: [], quotedSubject: r.subject },
      original: original({
        messageId: r.messageId,
        from: r.from ? [{ name: undefined, address: r.from }] : [],
        received: r.hops.map(h => hop(h)),
        receivedRaw: r.raws,
        auth: r.auth.map(a => ({ source: 'authentication-results' as const, ...a })),
        dkim: r.dkim.map(domain => ({ domain, selector: undefined })),
        subject: r.subject,
        userAgent: r.userAgent,
      }),
    }),
  );

describe('decide on arbitrary analyses', () => {
  test('never throws, always returns a valid decision', () => {
    const p = profile(['alice@gmail.com', 'alice@example.org'], {
      relays: ['mail.example.org'],
      messageIdShapes: ['uuid-lower@example.org'],
      sampleSize: 20,
      returnPathTags: ['prvs'],
    });
    fc.assert(
      fc.property(arbAnalysis, fc.constantFrom('found', 'not-found', 'unavailable'), (arb, result) => {
        // The notice arrived ten minutes after the Sent copy it names: a real bounce's timing.
        const a = { ...arb, receivedAt: '2026-03-02T09:10:00Z' };
        const answer =
          result === 'found'
            ? ({ result, date: '2026-03-02T09:00:00Z', subject: undefined } satisfies FoundInSent)
            : result;
        const lookups = Object.fromEntries(a.lookups.map(l => [lookupKey(l), answer]));
        const d = decide(a, p, lookups, {
          automatedInWindow: 50,
          distinctRecipientDomains: 30,
          windowHours: 5,
        });
        if (a.kind === 'other' || a.kind === 'feedback-report') {
          expect(d.verdict).toBeUndefined();
        } else {
          expect(['backscatter', 'legitimate', 'unsure']).toContain(d.verdict);
          expect(d.evidence.length).toBeGreaterThan(0);
        }
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
        expect(d.evidence.every(e => e.weight >= 0 && Number.isFinite(e.weight))).toBe(true);
        // Found in Sent, and the notice arrived when a real one would, is never overruled.
        if (result === 'found' && a.lookups.length > 0 && d.verdict !== undefined) {
          expect(d.verdict).toBe('legitimate');
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('decide on damaged inputs', () => {
  test('a stored profile missing fields, odd lookup values, no history', () => {
    const old = { addresses: ['Alice@Example.org'], sampleSize: 3 } as unknown as Parameters<
      typeof decide
    >[1];
    const a = analysis({
      original: original({
        messageId: 'x@example.org',
        received: [hop({ fromHost: 'mx.example.net', ip: '203.0.113.1' })],
      }),
    });
    const d = decide(a, old, { 'x@example.org': 'maybe' as never, toString: 'found' as never });
    expect(d.evidence.find(e => e.signal === 'sent-original')?.direction).toBe('neutral');
    expect(['backscatter', 'legitimate', 'unsure']).toContain(d.verdict);
  });
});
