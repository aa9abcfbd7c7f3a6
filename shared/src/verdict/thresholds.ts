// Every number the verdict uses, in one place. Weights are in "points" toward one side; decide()
// adds them per side and compares the difference with the thresholds below.
//
// Where the weights come from (verdict issue, "How to set the numbers"): `npm run calibrate` measures, on
// the tuning split of the scenario set only, how often each weight's evidence fires on forged and on
// genuine mail, and writes log2 of that likelihood ratio (at most 3.5 points) to calibration.json and its
// one-line source to calibration-sources.json; `measured(name, prior)` reads the number, and falls back
// to the prior where the evidence never fired there. The few numbers that are policy rather than measurement say so on their line.
//
// Calibration principle: a wrong "backscatter" hides a real problem from the user, a wrong
// "legitimate" only leaves noise. So no single piece of evidence except the Sent folder (and the user's
// own server's record of their login) can reach a verdict alone.
import calibration from './calibration.json';

// Numbers only: each one's source is in calibration-sources.json and the README's Weights table, which
// the shells' bundles need not carry. null: the evidence never fired on the tuning split, so the prior
// stands.
const CALIBRATED = calibration.weights as Readonly<Record<string, number | null | undefined>>;

/** The calibrated points for a weight, or its prior when calibration never saw its evidence fire. */
function measured(name: string, prior: number): number {
  const points = CALIBRATED[name];
  return typeof points === 'number' ? points : prior;
}

export const WEIGHTS = {
  sentFound: 10, // the original is in Sent: the user sent it (strongest evidence there is)
  sentNotFound: measured('sentNotFound', 2.5), // not in Sent: strong, but people send from devices that do not save to Sent
  replyFound: 8,
  sentFoundOutOfWindow: measured('sentFoundOutOfWindow', 1), // the original's id is in Sent, but the bounce did not arrive within a queue lifetime of it (or undated): ids are public in list archives, so it leans, never decides
  replyNotFound: measured('replyNotFound', 2.5), // the same fact as sentNotFound, for the id an auto-reply answers
  sentFoundRecipientOnly: measured('sentFoundRecipientOnly', 3), // no id, no subject: the user wrote to that address around that date (leans, never decides)
  entryProvider: measured('entryProvider', 3), // the provider's host name, verified by the receiver's reverse lookup
  entryProviderIpChecked: measured('entryProviderIpChecked', 3.5), // …and its IP in the ranges the provider publishes
  entryRelay: measured('entryRelay', 3.5), // a verified (forward-confirmed) name under the user's own domain, or a learned relay: as strong as an IP check
  entrySubmission: measured('entrySubmission', 3),
  entryOwnSubmission: 8, // the user's own provider/server took it from the user's logged-in account
  spamFilterAuth: measured('spamFilterAuth', 2), // the receiver's spam filter says SPF/DKIM/DMARC failed
  spamFilterRdns: measured('spamFilterRdns', 1.5), // …or that the sender had no or a dynamic reverse name
  replyReferencesFound: measured('replyReferencesFound', 1), // an auto-reply's References (not In-Reply-To) names a message in Sent
  entryOwnSide: measured('entryOwnSide', 1.5),
  entryForeignBot: measured('entryForeignBot', 2.5), // handed over by a host without a reverse name or with a dial-up one
  entryForeign: measured('entryForeign', 1.5), // handed over by a named server that is not one of the user's
  entryForeignUnknownRoute: measured('entryForeignUnknownRoute', 0.5), // …while the profile does not know how the user's mail leaves
  entryIpMismatch: measured('entryIpMismatch', 3.5),
  forgedRelayHop: measured('forgedRelayHop', 2),
  authPass: measured('authPass', 2.5), // SPF/DKIM/DMARC pass for the user's domain, written by the receiving side
  dmarcFail: measured('dmarcFail', 2.5),
  spfFail: measured('spfFail', 2),
  spfSoftfail: measured('spfSoftfail', 1),
  dkimFail: measured('dkimFail', 1),
  authNone: measured('authNone', 1),
  dkimMatch: measured('dkimMatch', 1),
  dkimMissing: measured('dkimMissing', 1.5),
  dkimForeign: measured('dkimForeign', 1.5),
  messageIdMatch: measured('messageIdMatch', 1),
  messageIdMismatch: measured('messageIdMismatch', 1),
  messageIdForeignDomain: measured('messageIdForeignDomain', 2), // an id at a domain none of the user's programs or providers writes: someone else's software
  messageIdForgedProvider: measured('messageIdForgedProvider', 2),
  messageIdMissing: measured('messageIdMissing', 0.75),
  senderMatch: measured('senderMatch', 0.25), // forgers use the user's address in From too, so a match says little
  senderForeign: measured('senderForeign', 1.5), // once the profile has learned the identities the user sends from
  senderForeignUnlearned: measured('senderForeignUnlearned', 0.75), // from configured identities only: aliases and shared mailboxes exist
  agentMatch: measured('agentMatch', 0.5),
  agentForeign: measured('agentForeign', 0.75),
  recipientsMany: measured('recipientsMany', 1),
  recipientsUndisclosed: measured('recipientsUndisclosed', 0.75),
  recipientsSelf: measured('recipientsSelf', 0.5),
  spamTerms: measured('spamTerms', 1),
  spamTermsMany: measured('spamTermsMany', 1.5),
  spamCharset: measured('spamCharset', 0.75),
  returnPathTagMissing: measured('returnPathTagMissing', 2),
  returnPathTagPresent: measured('returnPathTagPresent', 1.5),
  campaign: measured('campaign', 1.5),
  campaignUncheckedStranger: measured('campaignUncheckedStranger', 3.5), // …for a bounce with nothing to check, about a domain the user never wrote to
  campaignCoArrival: measured('campaignCoArrival', 2.5), // nothing to check, never written to, others decided backscatter nearby
  correspondentKnown: measured('correspondentKnown', 0.75), // the user has written to this address before
  correspondentStranger: measured('correspondentStranger', 0.5), // …never to anyone at this domain (once the profile knows enough of them)
  bounceReasonSpam: measured('bounceReasonSpam', 0.5),
  bounceReasonAuth: measured('bounceReasonAuth', 0.75),
};

export const THRESHOLDS = {
  /** backscatter points minus legitimate points needed for "backscatter" (calibrated, at least 4). */
  backscatter: (calibration.thresholds as { backscatter?: number | null }).backscatter ?? 4,
  /** …and from at least this many different signals (no single signal decides backscatter). */
  backscatterMinSignals: 2,
  /** legitimate points minus backscatter points needed for "legitimate". */
  legitimate: 2.5,
  /** One legitimate item this strong (the Sent folder has it) decides "legitimate" on its own. */
  vetoLegitimate: 8,
  /** Confidence: logistic in the margin, this many points for e (≈ 73 %) past zero. */
  confidenceScale: 1.5,
  /** Campaign: this many automated messages for this many distinct domains within maxHours. */
  campaignMessages: 20,
  campaignDomains: 10,
  campaignMaxHours: 48,
  /**
   * Co-arrival: a bounce with nothing to check leans backscatter when at least N other automated messages
   * within ±coArrivalHours were called backscatter on their own evidence. N is relative to the user's
   * usual rate r of automated mail: by chance alone (no campaign) the nearby messages called backscatter
   * are the wrongly called ones, a Poisson count with mean r · 2H/24 · coArrivalFalseRate; N is the
   * smallest count (≥ coArrivalMin) that it reaches with probability ≤ coArrivalChance.
   * H = 24 h because low-grade backscatter arrives a few a day (verdict issue); the wave rule is for
   * bursts. coArrivalFalseRate: 0 of 515 genuine messages (128 tuning scenarios, 387 real bounces) were
   * called backscatter (npm run eval), rule-of-three upper bound 3/515. N = 3 up to 30 automated
   * messages a day, 4 at 40, 5 at 100, 7 at 200.
   */
  coArrivalHours: 24,
  coArrivalMin: 3,
  coArrivalChance: 0.01,
  coArrivalFalseRate: 3 / 515,
  /** Learned facts count as "the user's habit" only from this many sent messages on. */
  minSampleForHabits: 10,
  /** Correspondents the profile must know before "never wrote to this domain" counts. */
  minCorrespondents: 50,
  /** Recipients on the original at once that count as a spam run. */
  manyRecipients: 10,
} as const;

/**
 * Signals that measure one underlying fact count once per direction (their strongest item): an id shape
 * the user never writes and a program they never use both say "another program wrote this", so a
 * message written on the user's phone must not pay twice. Likewise spam words, a spam-run recipient
 * list and a spam refusal all say "it looks like spam" (the receiver refused it *because* it did), and
 * an SPF/DMARC fail in the original's headers and a refusal for SPF/DMARC say "authentication failed".
 * Keys are a signal id, or "<signal id>/<variant>" for one variant only.
 */
export const SAME_FACT: Readonly<Record<string, string>> = {
  'message-id-shape': 'program',
  'user-agent': 'program',
  'spam-content': 'looks-like-spam',
  'spam-recipients': 'looks-like-spam',
  'bounce-reason/spam': 'looks-like-spam',
  'bounce-reason/auth': 'authentication-failed',
  'original-auth/fail': 'authentication-failed',
  'spam-filter/auth': 'authentication-failed',
  // "Not in Sent" and "never wrote to them" both come from the Sent folder: a message sent from a device
  // that does not save to Sent, to someone new, must not pay twice.
  'sent-original/not-found': 'absent-from-sent',
  'sent-reply/not-found': 'absent-from-sent',
  'sent-original/not-found-recipient': 'absent-from-sent',
  'sent-reply/not-found-recipient': 'absent-from-sent',
  'correspondent/stranger': 'absent-from-sent',
};
