// The cheap first look: from the top header block alone, could this be an automated reply at all?
// Most mail is ordinary and stops here, before any MIME work (issue: postal-mime costs ~0.6 ms a
// message). The gate is deliberately broad; the format modules decide.
import type { HeaderField } from '../types';
import { header } from '../mime/header-block';
import { decodeHeaderWords, latin1ToUtf8 } from '../mime/decode';

// Local parts that MTAs and autoresponders send from (RFC 5321 §4.5.1 postmaster; "MAILER-DAEMON" is
// Sendmail's and Postfix's; qmail uses MAILER-DAEMON too).
export const DAEMON_LOCAL =
  /^(?:mailer[-_.]?daemon|mail[-_.]?daemon|postmaster|post_master|mail[-_.]?delivery(?:[-_.]?(?:system|subsystem))?|mailadmin|mail[-_.]?admin|mdaemon|bounces?|bounce[-_.]?notifications?|nobody|root|daemon|smtp[-_.]?gateway|mailer|mail[-_.]?system|no[-_.]?reply[-_.]?bounce|antivirus|virusalert|virus[-_.]?scanner|mailscanner|quarantine|notification|mailsweeper|amavis|mailguard|mailwasher)$/i;

// The local parts only an MTA writes bounces from. Stricter than DAEMON_LOCAL: "root", "admin" and
// "notification" send ordinary mail too (cron output, phishing "from the mail administrator").
export const MTA_LOCAL =
  /^(?:mailer[-_.]?daemon|mail[-_.]?daemon|postmaster|post_master|mail[-_.]?delivery(?:[-_.]?(?:system|subsystem))?|mdaemon|bounces?)$/i;

// Carriers whose bounces come from an ordinary-looking sender with a bland subject ("Mail"): KDDI au.
export const CARRIER_SENDER =
  /(?:no-?reply|postmaster)@(?:[a-z0-9-]+\.)*(?:dion\.ne\.jp|ezweb\.ne\.jp|auone-net\.jp)\b/i;

// Challenge-response services that send from their own domains or mark their mail.
const CHALLENGE_SENDER =
  /@(?:[a-z0-9-]+\.)*(?:boxbe\.com|spamarrest\.com|bluebottle\.com|mailsbestfriend\.com|sendio\.com)\b/i;

// Display names of the same.
const DAEMON_NAME =
  /mail(?:er)?[ -]?daemon|mail delivery|postmaster|mail administrator|system administrator|delivery (?:status|subsystem|notification)|mail ?system|mailer|mail router|mail gateway|antivirus|virus|content filter|e-?mail (?:security|gateway)/i;

// Subjects of bounces, warnings, receipts, auto-replies, challenges and virus notices, in the languages
// the corpus and users bring. Bounded alternatives only: this runs on every message.
export const AUTOMATED_SUBJECT = new RegExp(
  [
    'undeliver',
    'undelivered',
    'returned mail',
    'returned to sender',
    'mail delivery',
    'delivery (?:status|failure|failed|notification|report|problem|has failed|incomplete)',
    'delivery to the following',
    'failure notice',
    'failed delivery',
    'delivery failure',
    'non[- ]?(?:delivery|remis|recapitabile|entregable)',
    'could not (?:be )?(?:delivered|send)',
    'couldn.t be delivered',
    'not (?:be )?delivered',
    'message (?:not delivered|delayed|blocked|rejected|undeliverable|you sent blocked|delivery has failed)',
    'mail (?:system error|failed|failure|could not|not delivered)',
    'delayed mail',
    'warning: (?:message|could not)',
    'warning--could not',
    'postmaster notify',
    'mail error',
    'error sending',
    'bounce',
    'nicht zustellbar',
    'unzustellbar',
    'zustellung',
    'unzustellbare',
    'unbekannter empf',
    'non distribu',
    'échec de (?:la )?(?:remise|distribution)',
    'no se (?:pudo|puede) entregar',
    'error de entrega',
    'não entregue',
    'falha na entrega',
    'niet (?:afgeleverd|bezorgd)',
    'onbestelbaar',
    'niedoręczon',
    'nie dostarczono',
    'не доставлено',
    'недоставлен',
    'ошибка доставки',
    'возврат',
    '配信',
    'エラー',
    '未送達',
    '退信',
    '退回',
    '投递失败',
    '無法傳遞',
    'auto[- ]?(?:reply|response|responder|antwort|matic)',
    'out of (?:the )?office',
    'away from',
    'on vacation',
    'vacation',
    'abwesen',
    'automatische',
    'réponse automatique',
    'absence',
    'respuesta automática',
    'fuera de la oficina',
    'risposta automatica',
    'fuori sede',
    'resposta automática',
    'ausente',
    'automatisch antwoord',
    'afwezig',
    'autoodpowied',
    'automatyczna odpowied',
    'autosvar',
    'automatisk svar',
    'automaattinen vastaus',
    'automatikus válasz',
    'otomatik yanıt',
    'otomatik cevap',
    'automatická odpověď',
    'automatická odpoveď',
    'răspuns automat',
    'αυτόματη απάντηση',
    '자동 응답',
    '자동응답',
    'odpowied. automatyczna',
    'nieobecn',
    'автоответ',
    'автоматический ответ',
    'отсутств',
    '自動応答',
    '自動返信',
    '不在',
    '自动回复',
    '自動回覆',
    '(?:^|\\W)read:',
    'read receipt',
    'return receipt',
    'disposition notification',
    'gelesen',
    '(?:^|\\W)lu ?:',
    'leído',
    'прочитано',
    'please confirm',
    'confirm (?:your|that you)',
    'verify (?:your|that you)',
    'verification (?:required|needed|request)',
    'approval (?:required|needed|request)',
    'challenge',
    'spam ?arrest',
    'boxbe',
    'request to send',
    'sender (?:verification|validation)',
    'virus',
    'infected',
    'malware',
    'quarantin',
    'message blocked',
    'content (?:filter|violation|alert)',
    'banned',
    'policy violation',
    'abuse report',
    'complaint about',
    'feedback report',
    'spam report',
    'aws notification',
    'mail (?:returned|rejected|failure|failed)',
    'message (?:returned|rejected|failure|failed)',
    'delivery (?:error|warning|notice|delayed)',
  ].join('|'),
  'i',
);

// Reply and forward prefixes mail programs write, in the languages Outlook, Apple Mail and Thunderbird
// ship ("AW:", "SV:", "Odp:", "YNT:", "Doorst:", "Atb:", "VÁ:", "Відп:", …; the list of email subject
// abbreviations at wikimili.com/en/List_of_email_subject_abbreviations names the Arabic, Greek and Hebrew
// ones): a prefix that is none of these, in front of the answered subject, is a responder's. A person's
// reply "Atb: Contract draft" keeps "Contract draft" as its Thread-Topic just as Exchange's responder
// does, so a missing language here reads a person's short reply as an out-of-office.
export const REPLY_OR_FORWARD_PREFIX =
  /^(?:re|aw|sv|vs|antw|antwort|odp|odg|ynt|yan[ıi]t|r|rif|res|ref|resp|fwd?|fw|wg|tr|rv|enc|doorst|vl|vb|ilt|i|pd|fs|atb|pārs|pars|ats|prs|edasi|vá|va|tov|yml|posl|prosl|bls|trs|továbbítás|válasz|odpověď|přeposlat|πρθ|απ|σχετ|ответ|отв|пересл|відп|отг|رد|إعادة توجيه|השב|הועבר|回复|答复|转发|回覆|轉寄|返信|転送|회신|전달|답장)$/i;

/**
 * Exchange answers with "<prefix>: <original subject>" and keeps the original in Thread-Topic
 * ("Subject: Samodejni odgovor: Project kickoff" / "Thread-Topic: Project kickoff"). The prefix is the
 * responder's word in the mailbox's language, so no table of languages is needed: any short prefix that
 * is not a reply or forward prefix will do. Returns the prefix, or undefined.
 */
export function responderPrefix(subject: string, threadTopic: string | undefined): string | undefined {
  const topic = (threadTopic ?? '').trim();
  const s = subject.trim();
  if (topic === '' || s.length <= topic.length || !s.endsWith(topic)) {
    return undefined;
  }
  const pre = s.slice(0, s.length - topic.length).trimEnd();
  if (!pre.endsWith(':')) {
    return undefined;
  }
  const prefix = pre.slice(0, -1).trim();
  // Up to 60 characters: some languages' prefix is a whole phrase ("Arpus biroja atrasanas automatiska
  // atbilde: subjecting", 42 characters, Latvian Exchange, in the bounce_email gem's test set). Only a
  // server puts a long prefix before an unchanged Thread-Topic: a person's own subject is its topic.
  if (prefix.length < 2 || prefix.length > 60 || /[\d:[\]<>@=?]/.test(prefix)) {
    return undefined;
  }
  return REPLY_OR_FORWARD_PREFIX.test(prefix) || NOT_RESPONDER_PREFIX.test(prefix) ? undefined : prefix;
}

// Exchange's other "<word>: <subject>" messages: meeting responses, recalls, receipts, NDRs (read by
// their own formats, or ordinary mail).
const NOT_RESPONDER_PREFIX =
  /^(?:accepted|declined|tentative|tentatively accepted|canceled|cancelled|updated|new time proposed|recall|read|not read|delivered|relayed|undeliverable|undelivered|angenommen|abgelehnt|mit vorbehalt angenommen|abgesagt|aktualisiert|rückruf|gelesen|ungelesen|zugestellt|unzustellbar|accepté|refusé|provisoire|annulé|lu|non lu|remis|non remis|aceptado|rechazado|cancelado|leído|entregado|accettato|rifiutato|annullato|letto|recapitato)$/i;

/**
 * The null envelope sender (RFC 5321 §4.5.5) as a delivering server records it in Return-Path: "<>", or
 * "<MAILER-DAEMON>" as Postfix writes it (second held-out set, Froide: "Return-Path: <MAILER-DAEMON>" on
 * Postfix's own bounces and on an authority's automatic acknowledgement).
 */
export const NULL_RETURN_PATH = /^\s*<\s*(?:mailer-daemon\s*)?>\s*$/i;

// First-person out-of-office sentences, as responders word them ("I am out of the office until …",
// "with limited access to email", "Ich bin bis … nicht im Büro", "Je suis absente jusqu'au …").
export const OUT_OF_OFFICE_BODY =
  /\b(?:i am|i'm|i will be|i'll be)(?: currently)? (?:out of (?:the )?office|away from (?:the|my) (?:office|desk)|on (?:vacation|holiday|leave|annual leave|parental leave|maternity leave|sick leave)|travell?ing|absent)\b|\b(?:limited|no) access to (?:my )?e-?mails?\b|\bich bin (?:bis|vom|ab|derzeit|zurzeit|momentan|nicht im büro)|\bje suis (?:actuellement )?absente?\b|\bestoy fuera de la oficina|\bestaré (?:fuera|ausente)|\bsono (?:fuori ufficio|assente)|\bik ben (?:afwezig|niet op kantoor|met vakantie)|\bjestem (?:nieobecn|na urlopie)|\bestou (?:ausente|fora do escritório)|\bjag är (?:borta|ledig|på semester)|\bjeg er (?:borte|på ferie)/i;

/**
 * The cheap look at a reply the header block alone cannot place: an out-of-office answer from a
 * mailbox that marks nothing (no Auto-Submitted, no responder header) but says so in its first lines.
 * Only replies that are not list posts are peeked at, and only their first bytes.
 */
export function mayBeUnmarkedAutoReply(top: readonly HeaderField[], bodyHead: string): boolean {
  if (header(top, 'list-id') !== undefined) {
    return false;
  }
  const subject = header(top, 'subject') ?? '';
  if (header(top, 'in-reply-to') === undefined && !/^\s*re\s*:/i.test(subject)) {
    return false;
  }
  return OUT_OF_OFFICE_BODY.test(bodyHead);
}

// A bounce quoted or pasted into a person's reply or forward ("I got this back …"): the words of its
// header lines. Peeked at in the first bytes of replies and forwards only, so ordinary mail stays cheap.
const QUOTED_BOUNCE_PEEK =
  /mailer-daemon|postmaster@|final-recipient:|delivery has failed|could not be delivered/i;

export function mayQuoteBounce(top: readonly HeaderField[], bodyHead: string): boolean {
  const subject = header(top, 'subject') ?? '';
  const replyOrForward =
    /^\s*(?:re|aw|sv|antw|fwd?|fw|wg|tr|rv|enc)\s*:/i.test(subject) ||
    header(top, 'in-reply-to') !== undefined ||
    header(top, 'references') !== undefined;
  return replyOrForward && QUOTED_BOUNCE_PEEK.test(bodyHead);
}

export function looksAutomated(top: readonly HeaderField[]): boolean {
  const ct = (header(top, 'content-type') ?? '').toLowerCase();
  if (ct.includes('multipart/report') || ct.includes('message/delivery-status')) {
    return true;
  }
  for (let i = 0; i < top.length; i++) {
    const f = top[i]!;
    switch (f.name) {
      case 'auto-submitted':
        if (!/^\s*no\b/i.test(f.value)) {
          return true;
        }
        break;
      case 'x-failed-recipients':
      case 'x-autoreply':
      case 'x-autorespond':
      case 'x-autoresponder':
      case 'x-vacation':
      case 'x-apple-action':
      case 'x-mailer-daemon':
      case 'x-boxbe-challenge':
      case 'x-bluebottle-request':
      case 'x-amazon-mail-relay-type':
      case 'feedback-type':
      case 'x-arf':
      case 'x-hmxmroriginalrecipient':
      case 'x-ms-exchange-message-is-ndr':
      case 'x-mailman-version-bounce':
      case 'original-recipient':
      case 'x-virus-status':
        return true;
      case 'precedence':
        if (/auto[_-]?reply/i.test(f.value)) {
          return true;
        }
        break;
      case 'return-path':
        if (NULL_RETURN_PATH.test(f.value)) {
          return true;
        }
        break;
      default:
    }
  }
  const from = header(top, 'from') ?? '';
  const local = localPartOf(from);
  if (
    // A list's own addresses: "list-owner", and "list+owner" where the list manager's delimiter is "+"
    // (mlmmj: "freebsd-hackers+owner@FreeBSD.org").
    (local && (DAEMON_LOCAL.test(local) || /[+-](?:admin|owner|request)$/i.test(local))) ||
    DAEMON_NAME.test(from)
  ) {
    return true;
  }
  // Carriers whose bounces come from an ordinary-looking sender with a bland subject ("Mail").
  if (
    CARRIER_SENDER.test(from) ||
    CHALLENGE_SENDER.test(from) ||
    CHALLENGE_SENDER.test(header(top, 'return-path') ?? '')
  ) {
    return true;
  }
  const subject = header(top, 'subject') ?? '';
  // Japanese and Russian bounces arrive encoded, and Exchange encodes a non-ASCII Subject and
  // Thread-Topic each on its own (RFC 2047): decide on the decoded words.
  const words = subject.includes('=?') ? (decodeHeaderWords(subject) ?? '') : undefined;
  const topic = header(top, 'thread-topic');
  if (
    topic !== undefined &&
    (words !== undefined || topic.includes('=?')
      ? responderPrefix(words ?? decodeHeaderWords(subject) ?? '', decodeHeaderWords(topic))
      : responderPrefix(subject, topic)) !== undefined
  ) {
    return true;
  }
  if (words !== undefined) {
    return AUTOMATED_SUBJECT.test(words);
  }
  if (/[\x80-\uffff]/.test(subject)) {
    return AUTOMATED_SUBJECT.test(latin1ToUtf8(subject));
  }
  return AUTOMATED_SUBJECT.test(subject);
}

/**
 * The up to 64 characters before the first "@" that has any, stopping at white space, "<", ">", '"' or
 * another "@": the local part of a From value. By hand: the regex `([^\s<>"@]{1,64})@` re-read 64
 * characters from every position of a long run without "@" (issue 8 §1).
 */
function localPartOf(from: string): string | undefined {
  for (let at = from.indexOf('@'); at !== -1; at = from.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && !/[\s<>"@]/.test(from.charAt(start - 1))) {
      start--;
    }
    if (start < at) {
      return from.slice(start, at);
    }
  }
  return undefined;
}
