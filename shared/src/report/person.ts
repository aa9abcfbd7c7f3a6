// A person's mail is not automated (issue 10 §2). Before any format may say "mine", a message that a
// person wrote with a mail program — a human sender and envelope, a reply or forward with quoted text,
// no Auto-Submitted, no null return path — is ordinary mail, whatever it talks about: a colleague's
// out-of-office, virus filters, a bounce they got back and forward ("I got this back, do you have
// another address?"). Only an automated reply sent from a person's mailbox (a vacation responder marked
// as such) is still read; rfc3834 decides that on its own markers.
import { header } from '../mime/header-block';
import type { Context } from './context';
import { DAEMON_LOCAL } from './gate';
import { NDR_SENTENCE, QMAIL_SEPARATOR } from './markers';

// Mail programs people write with (User-Agent / X-Mailer). Servers and bulk senders name themselves
// differently ("Microsoft Exchange", "PHPMailer", "Mailchimp"); Domino and GroupWise servers are left
// out because their gateways stamp reports too.
const MAIL_PROGRAM =
  /thunderbird|icedove|seamonkey|apple mail|iphone mail|ipad mail|microsoft (?:office )?outlook|outlook express|windows (?:live )?mail|evolution\b|kmail|\bmutt\b|neomutt|\balpine\b|claws mail|sylpheed|roundcube|squirrelmail|horde|mailmate|postbox|the bat!|eudora|becky!|geary|k-9 mail|fairemail|mailspring|em client|\bgnus\b|lotus notes release|zimbra/i;

// "Mime-Version: 1.0 (Apple Message framework v753.1)" / "(Mac OS X Mail 16.0 …)": Apple Mail's stamp.
const APPLE_MIME = /\((?:apple message framework|mac os x mail)/i;

// Lines that open a forwarded or quoted message in a mail program's reply or forward. One bounded run
// per alternative, so the scan stays linear (other languages' "… schrieb:" come with "> " lines). The
// "On … wrote:" run stops at CR as well as LF: with /m a CR starts a line too, and a run that crossed
// it would be retried from every CR (the ReDoS check found 'ON \r' repeated).
const FORWARD_MARKER =
  /^[ \t]*(?:begin forwarded message:|-{2,}[ \t]*(?:forwarded message|original message|weitergeleitete nachricht|ursprüngliche nachricht|message transféré|message d'origine|mensaje (?:reenviado|original)|messaggio (?:inoltrato|originale))[ \t]*-{2,}|-{3,}[ \t]*(?:forwarded by|original message)|on [^\r\n]{1,200}wrote:[ \t]*$)/im;

const QUOTED_LINE = /^>[ \t>]*\S/gm;

// Outlook quotes the answered message under a header block of its own ("From: …" / "Sent: …").
const OUTLOOK_FROM = /^(?:from|von|de|da|van|od|från|fra|lähettäjä|feladó|kimden|от|发件人|差出人):[ \t]/im;
const OUTLOOK_SENT =
  /^(?:sent|gesendet|envoyé|enviado|inviato|verzonden|wysłano|skickat|sendt|odesláno|lähetetty|elküldve|gönderildi|отправлено|发送时间|送信日時):[ \t]/im;

/** The text forwards or quotes another message: a forward marker, Outlook's quote block, "> " lines. */
export function quotesOrForwards(body: string): boolean {
  // Asked twice for one message (the person gate, then rfc3834): remember the last answer.
  if (body === lastBody) {
    return lastAnswer;
  }
  lastBody = body;
  lastAnswer = scanQuotes(body);
  return lastAnswer;
}

let lastBody: string | undefined;
let lastAnswer = false;

function scanQuotes(body: string): boolean {
  const head = body.length > 8000 ? body.slice(0, 8000) : body;
  if (FORWARD_MARKER.test(head) || (OUTLOOK_SENT.test(head) && OUTLOOK_FROM.test(head))) {
    return true;
  }
  let quoted = 0;
  QUOTED_LINE.lastIndex = 0;
  while (quoted < 3 && QUOTED_LINE.exec(head)) {
    quoted++;
  }
  return quoted >= 3;
}

const REPLY_OR_FORWARD =
  /^\s*(?:re|aw|sv|vs|antw|odp|ynt|r|rif|res|fwd?|fw|wg|tr|rv|enc|doorst)(?: ?\[\d{1,3}\])? ?:/i;

// In the quoted or pasted text: a report's own header lines and words.
const QUOTED_DAEMON_FROM =
  /^(?:from|von|de|van|da):[^\n]{0,200}(?:mailer-daemon|postmaster|mail delivery (?:system|subsystem)|microsoft outlook <)/im;
const QUOTED_REPORT_FIELD = /^(?:final-recipient|diagnostic-code|x-failed-recipients):/im;
const QUOTED_FAILURE =
  /could not be delivered|couldn't be found|delivery has failed|undeliverable|user unknown|no such user|recipient address rejected|\b5\.\d{1,3}\.\d{1,3}\b/i;

/**
 * Does the text quote or paste a delivery report ("> From: Mail Delivery System <MAILER-DAEMON@…>",
 * "Delivery has failed to these recipients or groups:", "Final-Recipient: …")? Quote marks are removed
 * first, so ">"-quoted and pasted reports read alike.
 */
export function quotesReport(body: string): boolean {
  const head = (body.length > 20000 ? body.slice(0, 20000) : body).replace(/^[ \t]*>[ \t>]*/gm, '');
  if (QUOTED_REPORT_FIELD.test(head) || NDR_SENTENCE.test(head) || QMAIL_SEPARATOR.test(head)) {
    return true;
  }
  return QUOTED_DAEMON_FROM.test(head) && QUOTED_FAILURE.test(head);
}

export interface PersonFacts {
  /** A person wrote it with a mail program. */
  person: boolean;
  /** It forwards or quotes another message (a forward marker, an attached message, quoted lines). */
  forwards: boolean;
}

export function personFacts(ctx: Context): PersonFacts {
  const no: PersonFacts = { person: false, forwards: false };
  const autoSubmitted = header(ctx.top, 'auto-submitted');
  if (autoSubmitted !== undefined && !/^\s*no\b/i.test(autoSubmitted)) {
    return no;
  }
  const returnPath = header(ctx.top, 'return-path');
  if (returnPath !== undefined && /^\s*(?:<\s*)?(?:>\s*)?$/.test(returnPath)) {
    return no; // RFC 5321 §4.5.5: the null reverse path is for notifications
  }
  if (returnPath !== undefined && /(?:^|[<\s])(?:mailer-daemon|postmaster|bounces?)[@>]/i.test(returnPath)) {
    return no;
  }
  if (ctx.contentType.type === 'multipart/report' || ctx.deliveryStatus !== undefined) {
    return no;
  }
  if (header(ctx.top, 'x-failed-recipients') !== undefined) {
    return no;
  }
  const fromAddr = ctx.from?.address ?? '';
  const local = fromAddr.slice(0, fromAddr.lastIndexOf('@'));
  if (local === '' || DAEMON_LOCAL.test(local) || /-(?:admin|owner|request|bounces?)$/i.test(local)) {
    return no;
  }
  const program = header(ctx.top, 'user-agent') ?? header(ctx.top, 'x-mailer') ?? '';
  const mailProgram = MAIL_PROGRAM.test(program) || APPLE_MIME.test(header(ctx.top, 'mime-version') ?? '');
  const forwards = ctx.embedded !== undefined || quotesOrForwards(ctx.body);
  const replyStructure =
    REPLY_OR_FORWARD.test(ctx.subject) ||
    header(ctx.top, 'in-reply-to') !== undefined ||
    header(ctx.top, 'references') !== undefined;
  // A mail program's stamp is enough; without one, a reply or forward that carries quoted text is.
  const person = mailProgram || (replyStructure && forwards);
  return { person, forwards: person && forwards };
}
