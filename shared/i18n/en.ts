// English strings. Keys are stable: the engine emits them as data (evidence signal ids and variants,
// explanation keys) and the shells render them through format(). Placeholders are {name}; a value that
// is a list is joined with ", ". Text only: the UI renders these as text nodes, never as HTML.
//
// Key families:
//   verdict.<verdict>.title / .summary   the card's heading and one-line summary
//   kind.<MessageKind>                   what the automated message is, in plain words
//   evidence.<signal-id>.<variant>       one line per piece of evidence (variant = params.variant, else direction)
//   explain.<key> / explain.<key>.action what went wrong for a recipient, and what to do about it
//   action.<id>                          labels for the buttons the shells pass to VerdictCard
//   ui.*                                 other fixed words of the shared components
export const en: Readonly<Record<string, string>> = {
  'verdict.backscatter.title': 'Backscatter: you did not send this',
  'verdict.backscatter.summary':
    'This {kind} is about a message someone else sent in your name, not about your mail.',
  'verdict.legitimate.title': 'A real {kind} about your message',
  'verdict.legitimate.summary': 'This {kind} is about a message you sent.',
  'verdict.user.title': 'You marked this as not backscatter',
  'verdict.user.summary':
    'The checks said “{verdict}” ({percent}%), but your choice wins: this {kind} is not tagged or moved.',
  'verdict.unsure.title': 'Not sure whether you sent this',
  'verdict.unsure.summary':
    'There is not enough evidence to tell whether you sent the original message. Look in your Sent folder before you move it.',
  'verdict.backscatter.short': 'Backscatter',
  'verdict.legitimate.short': 'Real bounce',
  'verdict.unsure.short': 'Unsure',
  // The short label of a real message, by kind (header button, sweep badge): an auto-reply is no "bounce".
  'verdict.legitimate.short.ndr': 'Real bounce',
  'verdict.legitimate.short.delay': 'Delayed',
  'verdict.legitimate.short.delivery-receipt': 'Delivered',
  'verdict.legitimate.short.auto-reply': 'Auto-reply',
  'verdict.legitimate.short.challenge': 'Verification request',
  'verdict.legitimate.short.virus-notice': 'Virus notice',
  'verdict.legitimate.short.read-receipt': 'Read receipt',
  'verdict.legitimate.short.feedback-report': 'Abuse report',
  'verdict.user.short': 'Not backscatter',
  'verdict.none.short': 'Not automated',
  'verdict.none.title': 'Not an automated reply',
  'verdict.none.summary': 'This looks like ordinary mail, not a bounce or an automatic reply.',
  'verdict.none.kind.title': 'No verdict needed',
  'verdict.none.kind.summary':
    'This is an automated message ({kind}). Backscatter Guard gives a verdict on bounces and automatic replies only.',

  'kind.ndr': 'delivery failure',
  'kind.delay': 'delivery delay notice',
  'kind.delivery-receipt': 'delivery receipt',
  'kind.auto-reply': 'automatic reply',
  'kind.challenge': 'sender verification request',
  'kind.virus-notice': 'virus or content-filter notice',
  'kind.read-receipt': 'read receipt',
  'kind.feedback-report': 'abuse feedback report',
  'kind.other': 'message',
  // Analysis.contains: what an ordinary message carries (issue 10 §2); it gets no verdict and no action.
  'contains.forwarded-report':
    'This message was written by a person and contains a forwarded delivery failure; it is not backscatter itself.',

  'ui.confidence': 'Confidence: {percent}%',
  'ui.reasons': 'Why',
  'ui.evidence': 'More evidence',
  'ui.reasons-checks': 'What the checks found',
  'ui.explanation': 'What happened',
  'ui.explanation-if-sent': 'If you did send it, this is what happened',
  'ui.recipient': 'Recipient: {recipient}',
  'ui.status': 'Status {status}',
  'ui.toward.backscatter': 'Points to backscatter',
  'ui.toward.legitimate': 'Points to a real bounce',
  'ui.toward.neutral': 'Note',
  'ui.weight': 'weight {weight}',
  'ui.actions': 'Actions',
  'ui.no-evidence': 'No evidence was found.',

  'action.delete': 'Delete',
  'action.junk': 'Move to Junk',
  'action.keep': 'Keep',
  'action.not-backscatter': 'I sent this',
  'action.is-backscatter': 'I did not send this',
  'action.details': 'Details',
  'action.open-sent': 'Find in Sent',

  // --- evidence: one entry per signal and variant (see shared/src/verdict/signals/) ---
  'evidence.sent-original.found': 'The bounced message {messageId} is in your Sent folder.',
  'evidence.sent-original.not-found': 'The bounced message {messageId} is not in your Sent folder.',
  'evidence.sent-original.unavailable':
    'Your Sent folder could not be searched, so it is unknown whether you sent {messageId}.',
  'evidence.sent-original.found-recipient':
    'Your Sent folder has a message to {address} about “{subject}” from around the date of the bounced one.',
  'evidence.sent-original.found-recipient-only':
    'Your Sent folder has a message to {address} from around the date of the bounced one.',
  'evidence.sent-original.not-found-recipient':
    'Your Sent folder has no message to {address} from around the date of the bounced one.',
  'evidence.sent-original.unavailable-recipient':
    'It is unknown whether you wrote to {address} then: your Sent folder could not settle it.',
  'evidence.sent-original.found-date-mismatch':
    'This notice returns your message {messageId} of {sentDate}, but arrived on {replyDate}: a real bounce comes within the days a server keeps retrying. Sent messages can be copied whole from public list archives, so this does not show the notice is about your mail.',
  'evidence.replayed-original.headers':
    'The quoted headers are those of your message {messageId} of {sentDate}, replayed in a notice that arrived on {replyDate}: its route, signatures, authentication results and message id were written for that old message, so they say nothing about this notice.',
  'evidence.sent-original.found-undated':
    'This notice returns your message {messageId}, but the dates could not be compared, so this does not show the notice is about your mail.',
  'evidence.sent-original.found-recipient-date-mismatch':
    'Your Sent folder has a message to {address} from around the date this notice gives ({sentDate}), but the notice arrived on {replyDate}: a real bounce comes within the days a server keeps retrying.',
  'evidence.sent-original.found-recipient-undated':
    'Your Sent folder has a message to {address} from around the date this notice gives, but when the notice arrived is unknown, so this does not show it is about your mail.',
  'evidence.sent-reply.found': 'This reply answers your message {messageId}, which is in your Sent folder.',
  'evidence.sent-reply.not-found':
    'This reply answers a message {messageId} that is not in your Sent folder.',
  'evidence.sent-reply.references-found':
    'This reply lists your message {messageId} among its references, but does not say it answers it.',
  'evidence.sent-reply.found-date-mismatch':
    'This reply names your message {messageId} of {sentDate} as the one it answers, but arrived on {replyDate}: an automatic reply comes within days. Message-IDs can be copied from public list archives, so this does not show you wrote to its sender.',
  'evidence.sent-reply.found-subject-mismatch':
    'This reply names your message {messageId} as the one it answers, but quotes another subject. Message-IDs can be copied from public list archives, so this does not show you wrote to its sender.',
  'evidence.sent-reply.found-undated':
    'This reply names your message {messageId} as the one it answers, but the dates could not be compared, so this does not show you wrote to its sender.',
  'evidence.sent-reply.unavailable':
    'Your Sent folder could not be searched for the message this reply answers ({messageId}).',
  'evidence.sent-reply.found-recipient':
    'You wrote to {address} about “{subject}” shortly before this reply came.',
  'evidence.sent-reply.found-recipient-only': 'You wrote to {address} shortly before this reply came.',
  'evidence.sent-reply.found-recipient-date-mismatch':
    'You wrote to {address} around the date this reply gives ({sentDate}), but it arrived on {replyDate}: an automatic reply comes within days.',
  'evidence.sent-reply.found-recipient-undated':
    'You wrote to {address} around the date this reply gives, but when it arrived is unknown, so this does not show it answers you.',
  'evidence.sent-reply.not-found-recipient':
    'Your Sent folder has no message to {address} (or anyone at that domain) from shortly before this reply.',
  'evidence.sent-reply.unavailable-recipient':
    'It is unknown whether you wrote to {address} before this reply: your Sent folder could not settle it.',
  'evidence.entry-hop.provider':
    'It reached the recipient’s side from {host}, a server of your provider {provider}.',
  'evidence.entry-hop.relay':
    'It reached the recipient’s side from {host}, one of your usual outgoing servers.',
  'evidence.entry-hop.submission':
    'Your own mail server {host} accepted it from a logged-in sender ({protocol}).',
  'evidence.entry-hop.own-side':
    'Your own mail provider wrote this notice ({host}), and the message never reached it from outside: it left from your account.',
  'evidence.entry-hop.bot':
    'It reached the recipient’s side from {host} [{ip}], a home or dial-up connection without a proper mail server name: where spam bots send from.',
  'evidence.entry-hop.foreign':
    'It reached the recipient’s side from {host} [{ip}], which is not one of your outgoing servers.',
  'evidence.entry-hop.unverifiable':
    'It reached the recipient’s side from a server that only calls itself {host} [{ip}]: no reverse name was recorded, so that cannot be checked.',
  'evidence.entry-hop.ip-mismatch':
    'It reached the recipient’s side from {host}, which claims to be {provider}, but its address {ip} is not one of {provider}’s.',
  'evidence.forged-relay-hop.backscatter':
    'A lower Received line claims it passed through {host}, but the recipient’s server got it from {entryHost}: that line was written by the sender, a typical forgery.',
  'evidence.spam-filter.auth': 'The recipient’s spam filter recorded failed sender authentication ({tests}).',
  'evidence.spam-filter.rdns':
    'The recipient’s spam filter recorded a sender without a proper server name ({tests}).',
  'evidence.original-auth.pass': 'The recipient’s server confirmed {method} for your domain {domain}.',
  'evidence.original-auth.fail': 'The recipient’s server found that {method} failed ({result}) for {domain}.',
  'evidence.original-auth.none':
    'The recipient’s server found no {method} record that covers {domain} ({result}), although your provider always sets one.',
  'evidence.dkim-signature.match': 'It carries a DKIM signature of {domain}, as your mail does.',
  'evidence.dkim-signature.missing':
    'It carries no DKIM signature, though your mail is always signed by {expected}.',
  'evidence.dkim-signature.foreign': 'It was signed by {found}, not by {expected} as your mail is.',
  'evidence.message-id-shape.match': 'Its Message-ID looks like the ones your mail gets ({domain}).',
  'evidence.message-id-shape.mismatch':
    'Its Message-ID {messageId} does not look like the ones your mail gets.',
  'evidence.message-id-shape.foreign-domain':
    'Its Message-ID {messageId} was made at {domain}, not by any program or provider you use.',
  'evidence.message-id-shape.forged-provider':
    'Its Message-ID {messageId} claims to come from {provider}, but {provider} does not make ids like this.',
  'evidence.message-id-shape.missing': 'It has no Message-ID, though every mail program you use adds one.',
  'evidence.original-sender.match': 'It was sent from your address {address}.',
  'evidence.original-sender.foreign': 'It was sent from {address}, not from one of your addresses.',
  'evidence.user-agent.match': 'It was written with {agent}, a program you use.',
  'evidence.user-agent.foreign': 'It was written with {agent}, a program you never use.',
  'evidence.correspondent.known': 'You have written to {address} before.',
  'evidence.correspondent.stranger': 'You have never written to anyone at the domain of {address}.',
  'evidence.spam-recipients.many': 'It went to {count} recipients at once, which is typical of spam.',
  'evidence.spam-recipients.undisclosed': 'Its recipients were hidden (“{to}”), which is typical of spam.',
  'evidence.spam-recipients.self': 'It was addressed to the same address it claims to come from ({address}).',
  'evidence.spam-content.terms': 'Its subject or text looks like spam ({terms}).',
  'evidence.spam-content.charset': 'It is written in the character set {charset}, which you never use.',
  'evidence.return-path-tag.missing':
    'Your mail carries a signed return address ({tags}); the bounced message does not.',
  'evidence.return-path-tag.present': 'It carries the signed return address tag your mail uses ({tag}).',
  'evidence.no-original.neutral':
    'The notice does not include the message it is about, so that cannot be checked.',
  'evidence.campaign.backscatter':
    'You received {count} automated messages about {domains} different domains in the last {hours} hours: a typical backscatter wave.',
  'evidence.campaign.co-arrival':
    'It carries nothing to check, you have never written to {address}, and {count} other automated messages within {hours} hours of it were clearly backscatter.',
  'evidence.campaign.unchecked-stranger':
    'It arrived in a wave of {count} automated messages about {domains} domains in {hours} hours, it carries nothing to check, and you have never written to anyone at the domain of {address}.',
  'evidence.bounce-reason.spam': 'The recipient’s server refused it as spam or as a virus.',
  'evidence.bounce-reason.auth':
    'The recipient’s server refused it because the sender’s authentication failed.',

  // --- explanations for real bounces, by reason and status code (see shared/src/verdict/explain.ts) ---
  'explain.user-unknown': 'The address {recipient} does not exist.',
  'explain.user-unknown.action':
    'Check the spelling of the address, or ask the person for their current one.',
  'explain.mailbox-full': 'The mailbox of {recipient} is full.',
  'explain.mailbox-full.action': 'Try again later, or reach the person another way.',
  'explain.domain-unknown': 'The domain of {recipient} does not exist or does not receive mail.',
  'explain.domain-unknown.action': 'Check the part after the @ for typing mistakes.',
  'explain.spam-blocked': 'The server of {recipient} refused your message as spam.',
  'explain.spam-blocked.action':
    'Remove links or attachments that look suspicious and try again; if it keeps happening, tell your mail provider.',
  'explain.auth-policy':
    'The server of {recipient} refused your message because it could not verify it came from you.',
  'explain.auth-policy.action':
    'Tell your mail administrator: your domain’s SPF, DKIM or DMARC setup needs a look.',
  'explain.dmarc-fail':
    'The server of {recipient} refused your message because your domain’s DMARC check failed.',
  'explain.dmarc-fail.action': 'Tell your mail administrator: DMARC for your domain fails.',
  'explain.spf-fail':
    'The server of {recipient} refused your message because your domain’s SPF check failed.',
  'explain.spf-fail.action':
    'Tell your mail administrator: the server that sent it is not in your SPF record.',
  'explain.ptr-fail':
    'The server of {recipient} refused your message because your mail server has no valid name.',
  'explain.ptr-fail.action': 'Tell your mail administrator: the reverse DNS of your mail server is missing.',
  'explain.too-large': 'Your message to {recipient} was too large.',
  'explain.too-large.action': 'Send smaller attachments, or share them as a link.',
  'explain.expired': 'Your message to {recipient} could not be delivered in time; the server gave up.',
  'explain.expired.action': 'Send it again later; if it fails again, the recipient’s server may be down.',
  'explain.relay-denied': 'The server refused to pass your message on to {recipient}.',
  'explain.relay-denied.action': 'Check your outgoing server settings, or tell your mail administrator.',
  'explain.mailbox-disabled': 'The mailbox of {recipient} is disabled or no longer in use.',
  'explain.mailbox-disabled.action': 'Ask the person for a new address.',
  'explain.virus-content':
    'The server of {recipient} refused the content of your message: it found a virus in it, or an attachment or link it does not accept.',
  'explain.virus-content.action': 'Send it without the attachment, or as a link.',
  'explain.network-error': 'Your message to {recipient} failed because of a network or server problem.',
  'explain.network-error.action': 'Try again later.',
  'explain.other': 'Your message to {recipient} could not be delivered.',
  'explain.other.action': 'Read the server’s words below, or ask your mail administrator.',
  'explain.delayed': 'Your message to {recipient} has not been delivered yet; the server keeps trying.',
  'explain.delayed.action': 'Nothing to do yet: you will get another notice if it finally fails.',
  'explain.delivered': 'Your message to {recipient} was delivered.',
  'explain.delivered.action': 'Nothing to do.',
  'explain.auto-reply': 'This is an automatic reply to your message (for example, the person is away).',
  'explain.auto-reply.action':
    'Nothing to do; the person will read your message later or names someone else.',
  'explain.challenge': 'The recipient’s spam filter asks you to confirm that you are a real sender.',
  'explain.challenge.action':
    'If you wrote to this person, follow the instructions in the message; never if you did not.',
  'explain.virus-notice': 'A filter stopped your message because it saw a virus or forbidden content in it.',
  'explain.virus-notice.action': 'Scan your computer, and send the message without the attachment.',
  'explain.read-receipt': 'The recipient opened your message.',
  'explain.read-receipt.action': 'Nothing to do.',
  'explain.server-said': 'The server said: {diagnostic}',
};
