// RFC 3834 automatic responses (vacation, out-of-office, autoresponders) and the common non-standard
// forms: X-Autoreply / X-Autorespond (many webmail systems), Precedence: auto_reply, X-Apple-Action:
// vacation (iCloud), localised subject prefixes ("Automatic reply:", "Abwesenheitsnotiz:", "自動応答:").
// Responses from MTA senders are bounces, not auto-replies (Exim sets Auto-Submitted: auto-replied on
// its bounces), so daemon senders are left to the bounce modules.
import { header } from '../../mime/header-block';
import { cleanMessageId, messageIds } from '../../headers/addresses';
import type { Format, FormatResult } from './types';
import type { Context } from '../context';
import { DAEMON_LOCAL, NULL_RETURN_PATH, OUT_OF_OFFICE_BODY, responderPrefix } from '../gate';
import { quotesOrForwards } from '../person';
import { decodeHeaderWords } from '../../mime/decode';

// A leading bracket tag may be long: a ticket system's "[<queue name> #id]" names its queue by a host name
// (RT: "[support.xxxxxxxxxxx-xxxxxxxxx-xxxxxxxxx.de #33575] AutoReply: …", 49 characters; second held-out set).
export const AUTO_REPLY_SUBJECT =
  /^\s*(?:\[[^\]]{0,100}\]\s*)?(?:auto(?:matic)?[ -]?(?:reply|response|responder|answer|antwort)|autoreply|auto:|automatische antwort|abwesenheitsnotiz|abwesend|out of (?:the )?office|ooo\b|away from (?:the office|my desk)|on vacation|vacation|réponse automatique|absence|absent\b|respuesta automática|respuesta automatica|fuera de la oficina|ausente|risposta automatica|fuori sede|assente|resposta automática|resposta automatica|automatisch antwoord|afwezig|autoodpowied|odpowied[zź] automatyczna|automatyczna odpowied|nieobecn|автоответ|автоматический ответ|отсутств|自動応答|自動返信|不在|自动回复|自動回覆|自动答复|autosvar|automatisk svar|automaattinen vastaus|automatikus válasz|otomatik yanıt|otomatik cevap|automatická odpověď|automatická odpoveď|răspuns automat|αυτόματη απάντηση|자동 응답|자동응답|thank you for (?:your )?(?:e-?mail|message|contacting))/i;

const REPLY_PREFIX =
  /^\s*(?:\[[^\]]{0,100}\]\s*)?\[?(?:auto(?:matic)?[ -]?(?:reply|response|antwort)|autoreply|auto|automatische antwort|abwesenheitsnotiz|out of (?:the )?office(?: reply| autoreply)?|ooo|réponse automatique|respuesta automática|risposta automatica|resposta automática|automatisch antwoord|automatyczna odpowied\S*|odpowied\S* automatyczna|автоответ|автоматический ответ|自動応答|自動返信|自动回复|自動回覆|autosvar|automatisk svar|automaattinen vastaus|automatikus válasz|otomatik yanıt|otomatik cevap|automatická odpověď|automatická odpoveď|răspuns automat|αυτόματη απάντηση|자동 응답|자동응답)(?:\]|\s*:)/i;

const HEADER_SIGNAL = /^(?:x-autoreply|x-autorespond|x-autoresponder|x-vacation|x-apple-action)$/;

/**
 * A responder's own field that says so: "X-Autoreply: yes". An empty one says nothing (a customer-dialog
 * system adds "X-Autoreply:" with no value to a clerk's written answer: second held-out set, Froide's
 * test_mail_05.txt), nor does "no", "false" or "0".
 */
function responderField(f: { name: string; value: string }): boolean {
  return HEADER_SIGNAL.test(f.name) && /\S/.test(f.value) && !/^\s*(?:no|false|0)\b/i.test(f.value);
}

// An acknowledgement of receipt, "E-Mail Empfangsbestätigung: <the subject>", "Eingangsbestätigung: …":
// words a person may write too ("Empfangsbestätigung für den Vertrag"), so they count only from the null
// sender (second held-out set, Froide's test_mail_09.txt, with "Return-Path: <MAILER-DAEMON>").
const RECEIPT_ACK_SUBJECT = /^\s*(?:e-?mail[- ])?(?:eingangs|empfangs)best[^\s:]{1,24}:/i;

const rfc3834: Format = {
  id: 'rfc3834',
  match(ctx) {
    const from = ctx.from?.address ?? '';
    const local = from.slice(0, from.lastIndexOf('@'));
    if (local && DAEMON_LOCAL.test(local) && local.toLowerCase() !== 'nobody') {
      return undefined;
    }
    const autoSubmitted = (header(ctx.top, 'auto-submitted') ?? '').toLowerCase();
    const precedence = (header(ctx.top, 'precedence') ?? '').toLowerCase();
    // "[Automatyczna odpowiedź] test": the marker itself may stand in brackets.
    const subjectSays =
      AUTO_REPLY_SUBJECT.test(ctx.subject) || AUTO_REPLY_SUBJECT.test(ctx.subject.replace(/^\s*\[/, ''));
    const headerSays =
      autoSubmitted.startsWith('auto-replied') ||
      /auto[_-]?reply/.test(precedence) ||
      ctx.top.some(responderField) ||
      (autoSubmitted.startsWith('auto-') && subjectSays);
    // RFC 3834 §3.3: responders SHOULD send from the null return path; with an auto-reply subject
    // or a reply to a message that is enough.
    const nullSender = NULL_RETURN_PATH.test(header(ctx.top, 'return-path') ?? 'x');
    const nullSays =
      nullSender &&
      (subjectSays ||
        /^\s*(?:re|aw|sv|antw|r|rif)\s*:/i.test(ctx.subject) ||
        RECEIPT_ACK_SUBJECT.test(ctx.subject));
    // No marker at all: Exchange's "<prefix>: <Thread-Topic>" in a language no table lists, or a
    // first-person out-of-office sentence at the top of a short reply that quotes nothing.
    const unmarked = !headerSays && !nullSays && unmarkedAutoReply(ctx);
    if (!headerSays && !subjectSays && !nullSays && !unmarked) {
      return undefined;
    }
    if (unmarked) {
      return autoReply(ctx);
    }
    // A subject alone: only a reply-style prefix ("Automatic reply: …", "AUTO: …") counts by itself; a
    // subject that merely mentions absence ("Out of office next week") needs the message to answer one.
    if (
      !headerSays &&
      !nullSays &&
      !REPLY_PREFIX.test(ctx.subject) &&
      header(ctx.top, 'in-reply-to') === undefined
    ) {
      return undefined;
    }
    if (!headerSays && !nullSays && /^\s*(?:re|fwd?|aw|wg)\s*:/i.test(ctx.subject)) {
      return undefined; // "Re: out of office plans" written by a person
    }
    if (!headerSays && !nullSays && header(ctx.top, 'list-id') !== undefined) {
      return undefined; // a mailing-list post about vacations
    }
    return autoReply(ctx);
  },
};

function autoReply(ctx: Context): FormatResult {
  // Decoded like ctx.subject: Exchange encodes a non-ASCII Thread-Topic (RFC 2047) as it does the subject.
  const topic = decodeHeaderWords(header(ctx.top, 'thread-topic'))?.trim();
  return {
    kind: 'auto-reply',
    recipients: [],
    answering: {
      inReplyTo: cleanMessageId(header(ctx.top, 'in-reply-to')),
      references: messageIds(header(ctx.top, 'references')),
      quotedSubject: responderPrefix(ctx.subject, topic) !== undefined ? topic : quotedSubject(ctx.subject),
    },
  };
}

function unmarkedAutoReply(ctx: Context): boolean {
  if (header(ctx.top, 'list-id') !== undefined || ctx.embedded !== undefined || quotesOrForwards(ctx.body)) {
    return false;
  }
  if (ctx.structure.parts.some(p => p.contentType.type === 'text/calendar')) {
    return false; // a meeting response ("Accepted: …") in a language the exclusion list lacks
  }
  if (responderPrefix(ctx.subject, decodeHeaderWords(header(ctx.top, 'thread-topic'))) !== undefined) {
    return ctx.body.length < 4000;
  }
  const replyish = header(ctx.top, 'in-reply-to') !== undefined || /^\s*re\s*:/i.test(ctx.subject);
  return replyish && ctx.body.length < 3000 && OUT_OF_OFFICE_BODY.test(ctx.body.slice(0, 600));
}

/**
 * A person's mailbox answering by itself (issue 10 §2): a responder's own header (X-Autoreply,
 * X-Vacation, Precedence: auto_reply, …) or an auto-reply subject prefix on a message that quotes and
 * forwards nothing. A person writing *about* an out-of-office ("Re: Automatic reply: …", a list reply
 * quoting one) is neither.
 */
export function automatedReplyFromPerson(ctx: Context, facts: { forwards: boolean }): boolean {
  const precedence = (header(ctx.top, 'precedence') ?? '').toLowerCase();
  if (/auto[_-]?reply/.test(precedence) || ctx.top.some(responderField)) {
    return true;
  }
  return !facts.forwards && REPLY_PREFIX.test(ctx.subject) && header(ctx.top, 'list-id') === undefined;
}

/** "Automatic reply: Lunch on Friday" → "Lunch on Friday". */
export function quotedSubject(subject: string): string | undefined {
  // Strip only what responders and mail clients prepend — bracket tags, auto-reply markers, reply and
  // forward prefixes — so a colon inside the quoted subject ("Meeting at 10:30") survives.
  let s = subject.trim();
  for (let guard = 0; guard < 10; guard++) {
    const next = s
      .replace(/^\[[^\]]{0,100}\]\s*/, '')
      .replace(REPLY_PREFIX, '')
      .replace(/^(?:re|aw|sv|antw|r|rif|odp|ответ|fwd?|wg|tr|rv|enc)\s*:\s*/i, '')
      .replace(/^(?:out of (?:the )?office|abwesend|absent|absence|ausente|vacation)\s*:\s*/i, '')
      .trim();
    if (next === s) {
      break;
    }
    s = next;
  }
  return s && s !== subject.trim() ? s : undefined;
}

export default rfc3834;
