// The generic prose bounce: every MTA that explains a failure in words (Exim's "A message that you
// sent could not be delivered", qmail's "I'm afraid I wasn't able to deliver", Sendmail's transcript,
// Exchange's "Delivery has failed to these recipients", Japanese and Russian carriers, …). It needs
// evidence that an MTA wrote it — an MTA sender, X-Failed-Recipients, or a bounce subject together
// with failure words — so spam that merely imitates a bounce stays `other`.
import { header } from '../../mime/header-block';
import { findAddresses } from '../../headers/addresses';
import type { Format } from './types';
import { daemonSender, isDsnWrapper, structuralBounce } from '../markers';
import { excludedAddresses, findFailedInText, ownRecipients, proseKind, toReports } from '../plain-text';
import { reportRegionEnd } from '../region';
import { NULL_RETURN_PATH } from '../gate';

export const BOUNCE_SUBJECT =
  /undeliver|undelivered|returned mail|returned to sender|mail delivery|delivery (?:status|failure|failed|notification|problem|has failed|report|incomplete)|failure notice|failed delivery|delivery failure|failure delivery|non[- ]?(?:delivery|remis|recapitabile)|could not (?:be )?(?:delivered|send)|couldn.t be delivered|not (?:be )?delivered|message (?:not delivered|delayed|blocked|rejected|undeliverable|you sent blocked|delivery has failed)|mail (?:system error|failed|failure|could not|not delivered|error)|delayed mail|warning: (?:message|could not)|warning--could not|postmaster notify|error sending|bounce|zustellbar|unzustellbar|non distribu|échec|no se pudo entregar|não entregue|niet afgeleverd|niedoręczon|не доставлено|недоставлен|ошибка доставки|配信|エラー|未送達|退信|退回|投递失败|無法傳遞|mail failed|mail failure|failed mail|delivery error|sorry, your message|there was an error/i;

const FAILURE_WORDS =
  /could ?not be delivered|couldn.t be delivered|undeliverable|delivery (?:has )?failed|failed to deliver|unable to deliver|not (?:be )?delivered|permanent (?:error|failure)|fatal error|user unknown|unknown user|no such (?:user|address|mailbox|domain)|does not exist|doesn.t exist|rejected|refused|mailbox (?:is )?(?:full|unavailable)|over quota|host not found|returned|delivery to the following|following (?:address|recipient)|wasn.t able to deliver|was not delivered|delivery problem|temporary (?:failure|error)|could not (?:send|deliver)|delayed|deferred|error|nicht zugestellt|unzustellbar|konnte nicht|n'a pas pu|pas été (?:remis|distribué)|no (?:se )?pudo|non è stato|não foi|kon niet|nie (?:może|mogła|został)|не (?:может|удалось|был)|не доставлен|できませんでした|届きません|エラー|失败|失敗|無法/i;

// With an MTA sender, plainer words are enough ("… unknown host", "no valid recipients").
// Delay warnings that name no failure ("has not yet been delivered … This is just a warning") count too.
const WEAK_FAILURE_WORDS =
  /not yet been delivered|just a warning|will continue to (?:try|attempt)|postponed|fail|unknown|invalid|not a valid|not found|unable|cannot|can't|problem|denied|no valid|malformed|fehler|erreur|errore|błąd|ошибк|错误|エラー/i;

const prose: Format = {
  id: 'prose',
  match(ctx) {
    const fromMta = daemonSender(ctx);
    const failedHeader = header(ctx.top, 'x-failed-recipients');
    const bounceSubject = BOUNCE_SUBJECT.test(ctx.subject);
    const nullSender = NULL_RETURN_PATH.test(header(ctx.top, 'return-path') ?? 'x');
    // Cheap exit for mail with no sign of an MTA at all; the report's own structure (a qmail separator,
    // a DSN wrapper, Exchange/Domino/GroupWise sentences) is read only where the envelope allows a report.
    if (!fromMta && failedHeader === undefined && !bounceSubject && !nullSender && !isDsnWrapper(ctx)) {
      return undefined;
    }
    const end = reportRegionEnd(ctx.body);
    const region = ctx.body.slice(0, end);
    // The structure a server writes (qmail's "--- Below this line is a copy of the message." with
    // "(#5.1.1)", Domino's "not listed in Domino Directory", a delivery-status wrapper whose machine part
    // is empty) stands for a customised intro, a translated subject and a router's own sender address.
    let structuralMemo: boolean | undefined;
    const structural = (): boolean => (structuralMemo ??= structuralBounce(ctx, region));
    if (!fromMta && failedHeader === undefined && !bounceSubject && !structural()) {
      return undefined;
    }
    const failureWords =
      FAILURE_WORDS.test(region) ||
      FAILURE_WORDS.test(ctx.subject) ||
      ((fromMta || bounceSubject) && WEAK_FAILURE_WORDS.test(region)) ||
      structural();
    const hasOriginal = end < ctx.body.length || ctx.embedded !== undefined || ctx.headersPart !== undefined;
    // A postmaster's own wording ("The address your message was sent to matches no person here") needs
    // no failure word when an MTA sender, a bounce subject and the returned original all agree.
    if (!failureWords && failedHeader === undefined && !(fromMta && bounceSubject && hasOriginal)) {
      return undefined;
    }
    // A bounce subject alone, from an ordinary sender, with no original: phishing that imitates a
    // bounce ("Mail delivery failed – click to release your messages"). Require more.
    if (!fromMta && failedHeader === undefined && !hasOriginal && !structural()) {
      return undefined;
    }
    const kind = proseKind(ctx.subject, region);
    const own = ownRecipients(ctx.top);
    let findings = findFailedInText(region, excludedAddresses(ctx.top, [], own), own);
    if (failedHeader !== undefined) {
      // Exim: "X-Failed-Recipients: a@b, c@d" names exactly the failed ones.
      const named = findAddresses(failedHeader);
      if (named.length > 0) {
        const byAddress = new Map(findings.map(f => [f.address, f.diagnostic]));
        findings = named.map(a => ({
          address: a,
          diagnostic: byAddress.get(a) ?? diagnosticNear(region, a),
        }));
      }
    }
    // Nothing an MTA writes: no original, no status code, no report structure, no Auto-Submitted, and an
    // envelope that is neither null nor a daemon's. Only the words are left.
    const wordsOnly =
      !hasOriginal &&
      !nullSender &&
      failedHeader === undefined &&
      header(ctx.top, 'auto-submitted') === undefined &&
      !structural() &&
      !/\b[245]\.\d{1,3}\.\d{1,3}\b|\b[45]\d\d[ -]/.test(region) &&
      !/(?:mailer-daemon|postmaster)@/i.test(header(ctx.top, 'return-path') ?? 'mailer-daemon@');
    // Spam sent from a postmaster@-like address ("Mailbox quota exceeded – validate your account"):
    // no failed recipient either. Not a report.
    if (wordsOnly && findings.length === 0) {
      return undefined;
    }
    // A server's notice says what failed first; with no bounce subject either, a text whose first line
    // is about something else ("I was writing you this long email about." … four lines … "Your message
    // to fred@… was rejected due to the user exceeding its mailbox quota": tmail_bouncer's
    // legit_with_quota.eml, sent from a MAILER-DAEMON From by root) is a person or a script quoting a
    // bounce, not the bounce.
    if (wordsOnly && !bounceSubject && !openingSaysFailure(region, fromMta)) {
      return undefined;
    }
    return { kind, recipients: toReports(findings, kind, region), inlineFrom: end };
  },
};

// A server's self-introduction before its news ("This is the mail system at host …", "This message was
// created automatically by mail delivery software.").
const MTA_INTRO = /mail (?:system|delivery|server|gateway)|mailer|daemon|postmaster|automatic(?:ally)?\b/i;

/** The first line says what failed, or the first line introduces the server and the next one does. */
function openingSaysFailure(region: string, fromMta: boolean): boolean {
  const lines = (region.length > 2000 ? region.slice(0, 2000) : region)
    .split('\n', 40)
    .filter(l => /\S/.test(l));
  const says = (line: string | undefined): boolean =>
    line !== undefined && (FAILURE_WORDS.test(line) || (fromMta && WEAK_FAILURE_WORDS.test(line)));
  return says(lines[0]) || (MTA_INTRO.test(lines[0] ?? '') && says(lines[1]));
}

function diagnosticNear(region: string, address: string): string {
  const i = region.toLowerCase().indexOf(address);
  if (i === -1) {
    return '';
  }
  return region.slice(i + address.length, i + address.length + 400).split(/\n\s*\n/)[0] ?? '';
}

export default prose;
