import { describe, expect, test } from 'vitest';
import { analysis, hop, original, outcome, postfixHop, profile, type SignalCase } from '../testing';
import * as signal from './forged-relay-hop';

const gmailUser = profile(['alice@gmail.com']);
function bounceOf(hops: ReturnType<typeof postfixHop>[]) {
  return analysis({
    original: original({ received: hops.map(h => h.hop), receivedRaw: hops.map(h => h.raw) }),
  });
}
const bot = postfixHop('dsl-187-1-2-3.isp.example', '187.1.2.3', 'mx1.remote.example');
const fakeGmail = postfixHop('mail-wr1-f54.google.com', '209.85.221.54', 'smtp.gmail.com');

describe('fires', () => {
  test.each<SignalCase>([
    { name: 'Gmail hop below a bot entry', analysis: bounceOf([bot, fakeGmail]), profile: gmailUser },
    {
      name: 'user relay hop below a foreign entry',
      analysis: bounceOf([bot, postfixHop('client.example', '198.51.100.20', 'mail.example.org')]),
      profile: profile(['alice@example.org'], { relays: ['mail.example.org'] }),
    },
  ])('$name', c => {
    expect(outcome(signal, c)?.direction).toBe('backscatter');
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    {
      name: 'real Gmail entry',
      analysis: bounceOf([postfixHop('mail-wr1-f54.google.com', '209.85.221.54', 'mx1.remote.example')]),
      profile: gmailUser,
    },
    {
      name: 'foreign entry, nothing forged below',
      analysis: bounceOf([bot, postfixHop('pc1', '192.168.1.2', 'dsl-187-1-2-3.isp.example')]),
      profile: gmailUser,
    },
    {
      name: 'Gmail hop below a bot, but the user is not a Gmail user',
      analysis: bounceOf([bot, fakeGmail]),
      profile: profile(['alice@example.org']),
    },
    {
      name: 'a line under the user’s domain below a nameless entry, but no known route (real chains look like this)',
      analysis: bounceOf([bot, postfixHop('client.example', '198.51.100.20', 'mail.example.org')]),
      profile: profile(['alice@example.org']),
    },
    {
      name: 'a user server without a reverse name sending directly, no known route',
      analysis: analysis({
        original: original({
          received: [
            hop({ ip: '90.91.92.93', helo: 'mail.example.org', byHost: 'mx1.remote.example' }),
            hop({ fromHost: 'localhost', ip: '127.0.0.1', byHost: 'mail.example.org' }),
          ],
          receivedRaw: [
            'from [90.91.92.93] (helo=mail.example.org) by mx1.remote.example with esmtp id 1',
            'from localhost ([127.0.0.1] helo=mail.example.org) by mail.example.org with esmtp (Exim 4.80) id 2',
          ],
        }),
      }),
      profile: profile(['alice@example.org']),
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});
