// Every number the verdict uses, in one place. Weights are in "points" toward one side; decide()
// adds them per side and compares the difference with the thresholds below.
//
// Calibration principle: a wrong "backscatter" hides a real problem from the user, a wrong
// "legitimate" only leaves noise. So no single piece of evidence except the Sent folder can reach
// the backscatter threshold alone, and the Sent folder's "found" outweighs everything else.
export const WEIGHTS = {
  sentFound: 10, // the original is in Sent: the user sent it (strongest evidence there is)
  sentNotFound: 2.5, // not in Sent: strong, but people send from devices that do not save to Sent
  replyFound: 8,
  replyNotFound: 2.5, // the same fact as sentNotFound, for the id an auto-reply answers
  sentFoundRecipientOnly: 3, // no id, no subject: the user wrote to that address around that date (leans, never decides)
  entryProvider: 3, // the provider's host name, verified by the receiver's reverse lookup
  entryProviderIpChecked: 3.5, // …and its IP in the ranges the provider publishes
  entryRelay: 3.5, // a verified (forward-confirmed) name under the user's own domain, or a learned relay: as strong as an IP check
  entrySubmission: 3,
  entryOwnSide: 1.5,
  entryForeignBot: 2.5, // handed over by a host without a reverse name or with a dial-up one
  entryForeign: 1.5, // handed over by a named server that is not one of the user's
  entryForeignUnknownRoute: 0.5, // …while the profile does not know how the user's mail leaves
  entryIpMismatch: 3.5,
  forgedRelayHop: 2,
  authPass: 2.5, // SPF/DKIM/DMARC pass for the user's domain, written by the receiving side
  dmarcFail: 2.5,
  spfFail: 2,
  spfSoftfail: 1,
  dkimFail: 1,
  authNone: 1,
  dkimMatch: 1,
  dkimMissing: 1.5,
  dkimForeign: 1.5,
  messageIdMatch: 1,
  messageIdMismatch: 1,
  messageIdForeignDomain: 2, // an id at a domain none of the user's programs or providers writes: someone else's software
  messageIdForgedProvider: 2,
  messageIdMissing: 0.75,
  senderMatch: 0.25, // forgers use the user's address in From too, so a match says little
  senderForeign: 1.5, // once the profile has learned the identities the user sends from
  senderForeignUnlearned: 0.75, // from configured identities only: aliases and shared mailboxes exist
  agentMatch: 0.5,
  agentForeign: 0.75,
  recipientsMany: 1,
  recipientsUndisclosed: 0.75,
  recipientsSelf: 0.5,
  spamTerms: 1,
  spamTermsMany: 1.5,
  spamCharset: 0.75,
  returnPathTagMissing: 2,
  returnPathTagPresent: 1.5,
  campaign: 1.5,
  campaignUncheckedStranger: 3.5, // …for a bounce with nothing to check, about a domain the user never wrote to
  correspondentKnown: 0.75, // the user has written to this address before
  correspondentStranger: 0.5, // …never to anyone at this domain (once the profile knows enough of them)
  bounceReasonSpam: 0.5,
  bounceReasonAuth: 0.75,
} as const;

export const THRESHOLDS = {
  /** backscatter points minus legitimate points needed for "backscatter". */
  backscatter: 4,
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
  // "Not in Sent" and "never wrote to them" both come from the Sent folder: a message sent from a device
  // that does not save to Sent, to someone new, must not pay twice.
  'sent-original/not-found': 'absent-from-sent',
  'sent-reply/not-found': 'absent-from-sent',
  'sent-original/not-found-recipient': 'absent-from-sent',
  'sent-reply/not-found-recipient': 'absent-from-sent',
  'correspondent/stranger': 'absent-from-sent',
};
