// A predictable engine for the shell's unit tests: each test message names its case in a
// `Test-Case:` header and gets a hand-made Analysis; decide() follows only the Sent lookups. The
// real engine is exercised by its own tests and, inside Thunderbird, by the e2e suite.
import type {
  Analysis,
  Decision,
  Lookups,
  MessageKind,
  OriginalMessage,
  Profile,
} from '../../../shared/src/index';
import { lookupKey, lookupResult } from '../../../shared/src/index';
import type { Engine, ProfileInput } from '../core/engine';

export function analysisOf(kind: MessageKind, lookupIds: string[] = []): Analysis {
  return {
    kind,
    format: kind === 'other' ? undefined : 'rfc3464',
    subject: 'Undelivered Mail Returned to Sender',
    from: { name: 'Mail Delivery System', address: 'mailer-daemon@mx.example' },
    to: [{ name: undefined, address: 'me@example.test' }],
    date: undefined,
    messageId: undefined,
    reportingMta: 'mx.example',
    recipients:
      kind === 'ndr'
        ? [
            {
              address: 'nobody@victim.example',
              action: 'failed',
              status: '5.1.1',
              replyCode: '550',
              diagnostic: 'user unknown',
              remoteMta: undefined,
              reason: 'user-unknown',
            },
          ]
        : [],
    original: undefined,
    answering: undefined,
    challengeVendor: undefined,
    lookups: lookupIds.map(messageId => ({ messageId, role: 'original' as const })),
    warnings: [],
  };
}

export function testMessage(testCase: string, messageId: string): string {
  return `Message-ID: <${messageId}>\r\nTest-Case: ${testCase}\r\nSubject: test\r\n\r\nbody\r\n`;
}

/** A warning that makes fakeDecide say backscatter with no lookup at all (as a campaign can). */
export const FAKE_BACKSCATTER_WITHOUT_LOOKUP = 'test:backscatter-without-lookup';

export function fakeDecide(analysis: Analysis, _profile: Profile, lookups: Lookups): Decision {
  const results = analysis.lookups.map(request => lookupResult(lookups[lookupKey(request)]));
  const verdict = analysis.warnings.includes(FAKE_BACKSCATTER_WITHOUT_LOOKUP)
    ? 'backscatter'
    : results.includes('found')
      ? 'legitimate'
      : results.length > 0 && results.every(result => result === 'not-found')
        ? 'backscatter'
        : 'unsure';
  return {
    verdict,
    confidence: verdict === 'unsure' ? 0.5 : 0.9,
    evidence: [
      {
        signal: 'sent-lookup',
        direction:
          verdict === 'legitimate' ? 'legitimate' : verdict === 'backscatter' ? 'backscatter' : 'neutral',
        weight: 1,
        params: { result: results.join(',') },
      },
    ],
    explanation: [],
  };
}

export function fakeEngine(
  cases: Record<string, Analysis>,
  options: { withVerdict?: boolean } = {},
): Engine & { learned: ProfileInput[] } {
  const learned: ProfileInput[] = [];
  return {
    learned,
    analyze: async bytes => {
      const name = /^Test-Case: (\S+)/m.exec(new TextDecoder().decode(bytes))?.[1] ?? '';
      return cases[name] ?? analysisOf('other');
    },
    summarizeHeaders: bytes =>
      ({
        messageId: /^Message-ID: <([^>]+)>/m.exec(new TextDecoder().decode(bytes))?.[1],
      }) as OriginalMessage,
    verdict:
      options.withVerdict === false
        ? undefined
        : {
            decide: fakeDecide,
            learnFromConfirmed: profile => profile,
            learnProfile: input => {
              learned.push(input);
              return {
                addresses: input.addresses,
                messageIdDomains: [],
                messageIdShapes: [],
                dkimDomains: [],
                userAgents: [],
                relays: input.trustedRelays,
                providers: [],
                returnPathTags: [],
                sampleSize: input.sent.length,
              };
            },
          },
  };
}
