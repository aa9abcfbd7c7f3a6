import { describe, expect, test } from 'vitest';
import { buildContext } from '../context';
import {
  analysis,
  hop,
  original,
  outcome,
  postfixHop,
  profile,
  recipient,
  type SignalCase,
} from '../testing';
import * as signal from './entry-hop';

const gmailUser = profile(['alice@gmail.com']);
const selfHosted = profile(['alice@example.org'], { relays: ['mail.example.org'] });
const top = postfixHop('mx2.remote.example', '10.0.0.2', 'mx1.remote.example');

// Issue 9 §2: no original, the report's own record of who handed the message over (Received-From-MTA,
// Sendmail's "received at … from HOST [IP]").
function reportedBy(
  handOver: { host?: string; ip?: string },
  recipients = [recipient()],
): ReturnType<typeof analysis> {
  return analysis({
    reportingMta: 'mx1.remote.example',
    recipients,
    handedOverBy: {
      host: handOver.host,
      helo: undefined,
      ip: handOver.ip,
      source: 'received-from-mta',
      raw: `${handOver.host ?? ''} [${handOver.ip ?? ''}]`,
    },
  });
}
// Issue 9 §3: an IP the user's mail was confirmed to leave from (a bounce whose original was in Sent).
const confirmedIp = profile(['alice@example.org'], {
  confirmed: {
    count: 1,
    entryHosts: [],
    entryIps: ['198.51.100.7'],
    relays: [],
    dkim: [],
    messageIdDomains: [],
    messageIdShapes: [],
  },
});

function bounceOf(hops: { raw: string; hop: ReturnType<typeof hop> }[]) {
  return analysis({
    original: original({ received: hops.map(h => h.hop), receivedRaw: hops.map(h => h.raw) }),
  });
}

describe('fires', () => {
  test.each<SignalCase & { direction: string; variant: string }>([
    {
      name: 'handed over by Gmail, IP in Google’s range',
      analysis: bounceOf([top, postfixHop('mail-wr1-f54.google.com', '209.85.221.54', 'mx2.remote.example')]),
      profile: gmailUser,
      direction: 'legitimate',
      variant: 'provider',
    },
    {
      name: 'claims to be Gmail from an address outside Google’s ranges',
      analysis: bounceOf([postfixHop('mail-wr1-f54.google.com', '187.1.2.3', 'mx1.remote.example')]),
      profile: gmailUser,
      direction: 'backscatter',
      variant: 'ip-mismatch',
    },
    {
      name: 'handed over by the user’s own server',
      analysis: bounceOf([postfixHop('mail.example.org', '198.51.100.7', 'mx1.remote.example')]),
      profile: selfHosted,
      direction: 'legitimate',
      variant: 'relay',
    },
    {
      name: 'the user’s own server bounced it after an authenticated submission',
      analysis: bounceOf([postfixHop('laptop.dsl.isp.example', '84.1.2.3', 'mail.example.org', 'ESMTPSA')]),
      profile: selfHosted,
      direction: 'legitimate',
      variant: 'submission',
    },
    {
      name: 'the user’s own server took it unauthenticated from outside',
      analysis: bounceOf([postfixHop('bot.dsl.isp.example', '84.1.2.3', 'mail.example.org', 'ESMTP')]),
      profile: selfHosted,
      direction: 'backscatter',
      variant: 'bot',
    },
    {
      name: 'handed over by a spam bot, forged Gmail hop below',
      analysis: bounceOf([
        top,
        postfixHop('dsl-187-1-2-3.isp.example', '187.1.2.3', 'mx2.remote.example'),
        postfixHop('mail-wr1-f54.google.com', '209.85.221.54', 'smtp.gmail.com'),
      ]),
      profile: gmailUser,
      direction: 'backscatter',
      variant: 'bot',
    },
    {
      name: 'HELO claims the user’s server but the receiver found no reverse name',
      analysis: bounceOf([
        {
          raw: 'from mail.example.org (unknown [187.1.2.3]) by mx1.remote.example (Postfix) with ESMTP id 1; date',
          hop: hop({
            fromHost: 'mail.example.org',
            ip: '187.1.2.3',
            byHost: 'mx1.remote.example',
            protocol: 'ESMTP',
          }),
        },
      ]),
      profile: selfHosted,
      // Verdict issue item 3: a mere claim of the user's host, no reverse name recorded: unverifiable.
      direction: 'neutral',
      variant: 'unverifiable',
    },
    {
      name: 'Gmail’s own DSN: no Received lines, written by the user’s provider',
      analysis: analysis({
        reportingMta: 'googlemail.com',
        original: original({ messageId: 'CAx@mail.gmail.com' }),
      }),
      profile: gmailUser,
      direction: 'legitimate',
      variant: 'own-side',
    },
    {
      name: 'Exchange Online NDR: internal hops only, Outlook client submission over MAPI',
      analysis: bounceOf([
        {
          raw: 'from AM0PR07MB1234.eurprd07.prod.outlook.com ([fe80::1]) by AM0PR07MB1234.eurprd07.prod.outlook.com ([fe80::1%5]) with mapi id 15.20.1; date',
          hop: hop({
            fromHost: 'am0pr07mb1234.eurprd07.prod.outlook.com',
            byHost: 'am0pr07mb1234.eurprd07.prod.outlook.com',
            protocol: 'MAPI',
            ip: 'fe80::1',
          }),
        },
      ]),
      profile: profile(['bob@contoso.example'], { providers: ['microsoft'] }),
      direction: 'legitimate',
      variant: 'submission',
    },
    {
      name: 'handed over by a named server that is not the user’s',
      analysis: bounceOf([postfixHop('mail.webshop-hosting.example', '203.0.113.80', 'mx1.remote.example')]),
      profile: gmailUser,
      direction: 'backscatter',
      variant: 'foreign',
    },
    {
      name: 'a nameless sender, and the bounce complains about exactly that (5.7.25)',
      analysis: analysis({
        recipients: [
          recipient({
            status: '5.7.25',
            reason: 'auth-policy',
            diagnostic: '550 5.7.25 The IP address sending this message does not have a PTR record setup',
          }),
        ],
        original: original({
          received: [
            hop({
              fromHost: 'localhost.localdomain',
              ip: '187.1.2.3',
              byHost: 'mx1.remote.example',
              protocol: 'ESMTP',
            }),
          ],
          receivedRaw: [
            'from localhost.localdomain (unknown [187.1.2.3]) by mx1.remote.example (Postfix) with ESMTP id 1; date',
          ],
        }),
      }),
      profile: selfHosted,
      direction: 'backscatter',
      variant: 'foreign',
    },
    {
      name: 'behind a filtering gateway whose own line continues the chain',
      analysis: bounceOf([
        postfixHop('relay.gateway.example', '203.0.113.9', 'mx1.remote.example'),
        postfixHop('mail-wr1-f54.google.com', '209.85.221.54', 'in.gateway.example'),
      ]),
      profile: gmailUser,
      direction: 'legitimate',
      variant: 'provider',
    },
    {
      // A "gateway" with nothing from outside below it started the message itself (an open relay or a
      // web server's local pickup, as in the SpamAssassin corpus): its hand-over is the entry.
      name: 'a relay whose own line shows only a local pickup below it',
      analysis: bounceOf([
        postfixHop('mail1.relay.example', '213.193.13.92', 'mx1.remote.example'),
        postfixHop('localhost', '127.0.0.1', 'mail1.relay.example'),
      ]),
      profile: gmailUser,
      direction: 'backscatter',
      variant: 'foreign',
    },
    {
      name: 'a nameless entry hop at an IP the user’s mail was confirmed to leave from',
      analysis: bounceOf([
        {
          raw: 'from mail.example.org (unknown [198.51.100.7]) by mx1.remote.example (Postfix) with ESMTP id 1; date',
          hop: hop({ fromHost: 'mail.example.org', ip: '198.51.100.7', byHost: 'mx1.remote.example' }),
        },
      ]),
      profile: confirmedIp,
      direction: 'legitimate',
      variant: 'relay',
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: c.direction, variant: c.variant });
  });
});

// Issue 9 §2: no original, the report's own record of who handed the message over is the entry hop.
describe('no original: the report’s hand-over record', () => {
  test.each<[string, { host?: string; ip?: string }, ReturnType<typeof profile>, string, string]>([
    [
      'the report says a nameless address handed it over',
      { ip: '187.1.2.3' },
      gmailUser,
      'backscatter',
      'bot',
    ],
    [
      'the report names a dial-up host',
      { host: 'dsl-187-1-2-3.dyn.isp.example' },
      gmailUser,
      'backscatter',
      'bot',
    ],
    [
      'the report names an address in Google’s range',
      { host: 'mail-wr1-f54.google.com', ip: '209.85.221.54' },
      gmailUser,
      'legitimate',
      'provider',
    ],
    [
      'the report names Gmail’s host at an address outside Google’s ranges',
      { host: 'mail-wr1-f54.google.com', ip: '187.1.2.3' },
      gmailUser,
      'backscatter',
      'ip-mismatch',
    ],
    [
      'the report names an IP the user’s mail was confirmed to leave from',
      { ip: '198.51.100.7' },
      confirmedIp,
      'legitimate',
      'relay',
    ],
    [
      'the report names the user’s own server with the address it looked up',
      { host: 'mail.example.org', ip: '198.51.100.9' },
      selfHosted,
      'legitimate',
      'relay',
    ],
    [
      'the user’s server named without an address (perhaps only its greeting)',
      { host: 'mail.example.org' },
      selfHosted,
      'neutral',
      'unverifiable',
    ],
  ])('%s', (_name, handOver, p, direction, variant) => {
    expect(outcome(signal, { name: _name, analysis: reportedBy(handOver), profile: p })).toEqual({
      direction,
      variant,
    });
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    { name: 'no original', analysis: analysis() },
    {
      name: 'original without Received lines (Gmail’s own DSN)',
      analysis: analysis({ original: original() }),
      profile: gmailUser,
    },
    {
      name: 'no original; handed over inside the reporter (a content filter re-injecting)',
      analysis: reportedBy({ host: 'localhost', ip: '127.0.0.1' }),
      profile: gmailUser,
    },
    {
      // A gateway or smarthost: with no Received lines there is nothing to chain through.
      name: 'no original; handed over by a properly named server',
      analysis: reportedBy({ host: 'in.gateway.example', ip: '203.0.113.9' }),
      profile: gmailUser,
    },
    {
      // The reporter passed it on to another organisation: an outbound relay, whose client is the
      // sender's own computer (Japanese ISPs' smarthosts in the corpus record the dial-up name).
      name: 'no original; a dial-up client of a reporter that relayed it onward',
      analysis: reportedBy({ host: 'p0000-ipbfpfx00kyoto.kyoto.isp.example' }, [
        recipient({ remoteMta: 'mx.other-org.example' }),
      ]),
      profile: gmailUser,
    },
    {
      name: 'no original; the user’s own provider wrote the report',
      analysis: analysis({
        reportingMta: 'googlemail.com',
        handedOverBy: {
          host: undefined,
          helo: undefined,
          ip: '187.1.2.3',
          source: 'received-from-mta',
          raw: '',
        },
      }),
      profile: gmailUser,
    },
    {
      name: 'a different IP than the confirmed one proves nothing alone',
      analysis: reportedBy({ host: 'mail.webshop-hosting.example', ip: '203.0.113.80' }),
      profile: confirmedIp,
    },
    {
      name: 'every hop inside the receiving side, no authenticated submission',
      analysis: bounceOf([
        postfixHop('mx2.remote.example', '10.0.0.2', 'mx1.remote.example'),
        postfixHop('localhost', '127.0.0.1', 'mx2.remote.example'),
      ]),
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});

describe('weights', () => {
  const named = bounceOf([postfixHop('mail.webshop-hosting.example', '203.0.113.80', 'mx1.remote.example')]);
  const weight = (p: ReturnType<typeof profile>) =>
    signal.evaluate(buildContext(named, p, {}, undefined))?.weight;
  test('a named foreign server counts less when the profile does not know the user’s route', () => {
    expect(weight(profile(['alice@example.org']))).toBeLessThan(weight(gmailUser)!);
  });
});
