import { describe, expect, test } from 'vitest';
import type { HeaderField } from '../../types';
import { analysis, original, outcome, postfixHop, profile, type SignalCase } from '../testing';
import * as signal from './spam-filter';

const entry = postfixHop('relay.remote.example', '198.51.100.7', 'mx1.remote.example');
const lower = postfixHop('mail.sender.example', '203.0.113.9', 'relay.remote.example');
const user = profile(['alice@example.org']);

/** An original whose header block holds `above` before the Received lines and `below` after them. */
function withFilter(above: HeaderField[], below: HeaderField[] = []) {
  const base = original({ received: [entry.hop], receivedRaw: [entry.raw] });
  const received = base.headers.filter(h => h.name === 'received');
  const rest = base.headers.filter(h => h.name !== 'received');
  return analysis({ original: { ...base, headers: [...above, ...received, ...below, ...rest] } });
}

const sa = (tests: string): HeaderField => ({
  name: 'x-spam-status',
  value: `Yes, score=9.1 required=5.0 tests=${tests} autolearn=no version=4.0.0`,
});

describe('fires', () => {
  test.each<SignalCase & { direction: string; variant: string }>([
    {
      name: 'SpamAssassin above the entry: SPF failed',
      analysis: withFilter([sa('HTML_MESSAGE,RDNS_NONE,SPF_FAIL')]),
      profile: user,
      direction: 'backscatter',
      variant: 'auth',
    },
    {
      name: 'rspamd above the entry: DMARC policy reject',
      analysis: withFilter([
        {
          name: 'x-spamd-result',
          value: 'default: False [9.50 / 15.00]; DMARC_POLICY_REJECT(2.00)[example.org : No valid SPF]',
        },
      ]),
      profile: user,
      direction: 'backscatter',
      variant: 'auth',
    },
    {
      name: 'SpamAssassin above the entry: no reverse name only',
      analysis: withFilter([sa('RDNS_NONE,HTML_MESSAGE')]),
      profile: user,
      direction: 'backscatter',
      variant: 'rdns',
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: c.direction, variant: c.variant });
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    {
      // Below the entry hop, the sender wrote it: a forger could paste anything there.
      name: 'a failing verdict below the entry hop',
      analysis: withFilter([], [sa('SPF_FAIL')]),
      profile: user,
    },
    { name: 'a passing verdict', analysis: withFilter([sa('DKIM_VALID,SPF_PASS')]), profile: user },
    { name: 'no filter header', analysis: withFilter([]), profile: user },
    { name: 'no original', analysis: analysis(), profile: user },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});

describe('position', () => {
  test('a header between the receiving side’s own hops and the entry is still the receiver’s', () => {
    const base = original({ received: [entry.hop, lower.hop], receivedRaw: [entry.raw, lower.raw] });
    const [top, second, ...rest] = base.headers;
    // The top line is an internal hand-over (relay → mx1, both remote.example); the entry is the second.
    const a = analysis({ original: { ...base, headers: [top!, sa('SPF_FAIL'), second!, ...rest] } });
    expect(outcome(signal, { name: 'between', analysis: a, profile: user })?.direction).toBe('backscatter');
  });
});
