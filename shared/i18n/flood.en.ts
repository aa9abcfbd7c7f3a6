// English strings of the flood report (shared/src/flood). Keys: flood.answer.<id>.title/.summary,
// flood.evidence.<id>, flood.note.<id>, flood.step.<id>, flood.domain.*, flood.admin.<id>.title/.note,
// flood.chart.*, flood.ui.*. Text only: shells render them as text nodes, the HTML export escapes them.
export const floodEn: Readonly<Record<string, string>> = {
  'flood.title': 'Bounce flood report',
  'flood.counts':
    '{automated} automated messages among {total}: {backscatter} backscatter, {legitimate} real, {unsure} unsure.',
  'flood.period': 'First {first}, last {last}.',
  'flood.kinds': 'By kind',
  'flood.kind-count': '{kind}: {backscatter} backscatter, {legitimate} real, {unsure} unsure',

  'flood.answer.forged.title':
    'None of these {count} bounced messages was sent from your account: someone is forging your address.',
  'flood.answer.forged.summary':
    'Spammers put your address on their mail; the servers that refused it sent the bounces to you. Your password is not the problem, and the bounces can be deleted.',
  'flood.answer.account-used.title':
    '{count} messages were sent from your account: change your password, and check your forwarding rules and app passwords.',
  'flood.answer.account-used.summary':
    'They left through your own mail account, with its login, but you did not send them. Someone else may know your password: change it, turn on two-step sign-in, and remove forwarding rules and app passwords you did not set up.',
  'flood.answer.real-only.title': 'These {count} notices are about mail you sent.',
  'flood.answer.real-only.summary': 'No sign of forgery. Read each one: it says what went wrong.',
  'flood.answer.unclear.title': '{count} notices could not be told apart.',
  'flood.answer.unclear.summary':
    'There is not enough evidence to say whether you sent the originals. Check your Sent folder before deleting them.',
  'flood.answer.quiet.title': 'No bounces or automatic replies here.',
  'flood.answer.quiet.summary': 'Nothing in this set is a bounce, an automatic reply or a challenge.',
  'flood.ui.why': 'How we know',

  'flood.evidence.foreign-entry':
    '{count} of {total} entered the internet from machines that are not your mail servers ({bots} of them home connections or hacked computers).',
  'flood.evidence.not-in-sent': '{count} of {total} are not in your Sent folder.',
  'flood.evidence.auth-fail':
    'For {count} of {total}, the receiving server checked your domain’s SPF, DKIM or DMARC, and it failed.',
  'flood.evidence.forged-hops': '{count} carry Received lines forged to look like your servers.',
  'flood.evidence.foreign-ids': '{count} have Message-IDs that none of your mail programs writes.',
  'flood.evidence.wave-only': '{count} carry no copy of the original; they arrived in the same wave.',
  'flood.evidence.account-entry':
    '{count} entered the internet from your provider’s or your own mail servers ({hosts}).',
  'flood.evidence.account-submission':
    '{count} were handed to your own mail server by someone logged in to your account.',
  'flood.evidence.account-own-side':
    '{count} were bounced by your own provider on the way out: they left from your account.',
  'flood.evidence.account-auth-pass':
    'For {count}, the receiving server confirmed your authentication (SPF, DKIM or DMARC passed).',
  'flood.evidence.account-not-in-sent': '{count} are not in your Sent folder.',
  'flood.evidence.account-disowned': 'You marked {count} of them as not sent by you.',
  'flood.evidence.account-spam': '{count} look like spam.',
  'flood.evidence.account-wave': '{count} of them arrived within {hours} hours.',

  'flood.note.real': '{count} other notices are about mail you did send: read those.',
  'flood.note.unsure': '{count} could not be told apart: check them before deleting.',
  'flood.note.unsaved':
    '{count} bounced messages left through your account but are not in your Sent folder (sent from a phone or a program that does not save there?). If you do not recognise them, change your password.',
  'flood.note.also-forged': 'In addition, {count} bounces are about mail forged with your address.',

  'flood.chart.title': 'Automated messages per {unit}',
  'flood.chart.desc':
    '{count} automated messages from {first} to {last}, counted per {unit}: {backscatter} backscatter, {legitimate} real, {unsure} unsure. Most in one {unit}: {peak}, from {peakStart}.',
  'flood.chart.empty': 'No dated automated messages to draw.',
  'flood.unit.hour': 'hour',
  'flood.unit.day': 'day',
  'flood.unit.week': 'week',
  'flood.series.backscatter': 'Backscatter',
  'flood.series.legitimate': 'Real',
  'flood.series.unsure': 'Unsure',

  'flood.campaign.heading': 'The campaign',
  'flood.campaign.summary':
    '{messages} bounces of forged mail, sent to recipients at {domains} different domains, with {subjects} different subjects.',
  'flood.campaign.subjects': 'Most frequent subjects (shown as text; never open links in such mail):',
  'flood.campaign.hosts':
    'Where the forged mail entered the internet ({hosts} different machines, {bots} of {traced} home connections or hacked computers):',
  'flood.campaign.count': '{count}×',
  'flood.campaign.claimed': 'called itself {name}',
  'flood.campaign.claimed-bot': 'called itself {name}; no mail server name',
  'flood.campaign.bot': 'no mail server name',

  'flood.domain.heading': 'What to do for {domain}',
  'flood.domain.dmarc.reject': 'DMARC: receivers recorded p=reject for {domain} ({seen} forged messages).',
  'flood.domain.dmarc.quarantine':
    'DMARC: receivers recorded p=quarantine for {domain} ({seen} forged messages).',
  'flood.domain.dmarc.none':
    'DMARC: receivers recorded p=none for {domain} ({seen} forged messages): the domain asks them to accept forgeries.',
  'flood.domain.dmarc.missing': 'DMARC: receivers found no DMARC record for {domain}.',
  'flood.domain.dmarc.unknown': 'DMARC: the receivers recorded no DMARC result for {domain}.',
  'flood.domain.spf.fail': 'SPF: {domain} publishes a strict record (-all); the forgeries failed it.',
  'flood.domain.spf.softfail':
    'SPF: {domain} publishes a soft record (~all); the forgeries only “softfailed”.',
  'flood.domain.spf.neutral': 'SPF: {domain} publishes a neutral record (?all), which refuses nothing.',
  'flood.domain.spf.none': 'SPF: receivers found no SPF record for {domain}.',
  'flood.domain.spf.pass':
    'SPF: the forgeries passed SPF for {domain}: the record allows servers you do not control.',
  'flood.domain.spf.error': 'SPF: the record of {domain} could not be read (an error in the record).',
  'flood.domain.spf.unknown': 'SPF: no result recorded.',
  'flood.domain.dkim.signed':
    'DKIM: your real mail is signed by {domains}; none of the forgeries carried a valid signature.',
  'flood.domain.dkim.unsigned': 'DKIM: no DKIM signature seen on your sent mail.',
  'flood.domain.dkim.forged-passed': 'DKIM: {count} forged messages carried a valid signature of {domain}.',

  'flood.step.publish-dmarc':
    'Publish a DMARC record for {domain} (a TXT record at _dmarc.{domain}): start with p=none and reports, then p=reject. Receivers will then refuse these forgeries instead of bouncing them to you.',
  'flood.step.dmarc-none-to-reject':
    'Publish DMARC p=reject for {domain} instead of p=none: receivers will then refuse these forgeries instead of bouncing them to you.',
  'flood.step.dmarc-quarantine-to-reject':
    'Move DMARC for {domain} from p=quarantine to p=reject: receivers will then refuse these forgeries instead of accepting and bouncing them.',
  'flood.step.dmarc-reject-already':
    '{domain} already publishes DMARC p=reject, so receivers that check it refuse the forgeries. These bounces come from servers that accept first and check later; the server rules below filter them.',
  'flood.step.dmarc-check':
    'Check the DMARC record of {domain} (a TXT record at _dmarc.{domain}): with p=reject, receivers refuse forgeries instead of bouncing them to you.',
  'flood.step.dkim-first':
    'First have your outgoing mail signed with DKIM for {domain}: with p=reject, unsigned real mail that is forwarded would be refused too.',
  'flood.step.publish-spf': 'Publish an SPF record for {domain} that lists your outgoing mail servers.',
  'flood.step.provider-cannot-publish':
    '{domain} belongs to {provider}: only {provider} can publish SPF, DKIM and DMARC for it, so there is nothing for you to publish.',
  'flood.step.provider-report':
    'Mark the bounces as spam in {provider}, and keep your account safe with a strong password and two-step sign-in. An address at a domain of your own, with DMARC p=reject, is one nobody can forge for long.',

  'flood.admin.heading': 'For your mail administrator',
  'flood.admin.intro':
    'Server rules learned from your real mail: it leaves through {relays}. Bounces whose quoted headers name none of these servers are about mail you did not send.',
  'flood.admin.none':
    'No outgoing server could be learned yet: give the report your Sent folder or a real bounce of your mail.',
  'flood.admin.provider':
    '{provider} runs the servers of {domain}: there are no server rules of yours to hand over.',
  'flood.admin.spamassassin.title': 'SpamAssassin (local.cf)',
  'flood.admin.spamassassin.note':
    'Turns on the VBounce rules: BOUNCE_MESSAGE, CRBOUNCE_MESSAGE and VBOUNCE_MESSAGE then tag bounces, challenges and virus notices whose quoted Received lines name none of {relays}.',
  'flood.admin.sieve.title': 'Sieve',
  'flood.admin.sieve.note': 'Files the messages those rules tag into the folder {folder}.',
  'flood.admin.postfix.title': 'Postfix (header_checks, body_checks)',
  'flood.admin.postfix.note':
    'From Postfix’s BACKSCATTER_README: refuses bounces whose quoted headers name {domain} itself as a mail server; your servers ({relays}) use full host names.',
  'flood.admin.exim.title': 'Exim (BATV)',
  'flood.admin.exim.note':
    'Tags the return path of outgoing mail and refuses bounces for {domain} without a valid tag (Exim specification: “Bounce address tag validation”). Replace KEY by a secret; senders that bounce to the From address instead of the return path are not covered.',

  'flood.ui.export': 'Export report…',
  'flood.ui.copy': 'Copy',
  'flood.ui.copied': 'Copied',
  'flood.ui.generated':
    'Made by Backscatter Guard on {date} from {total} messages. Nothing was looked up on the internet.',
};
