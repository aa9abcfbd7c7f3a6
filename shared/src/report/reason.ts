// Why a recipient failed, from the enhanced status code (RFC 3463), the SMTP reply code (RFC 5321 §4.2)
// and the server's words. Words win over generic codes: "5.7.1 … SPF check failed" is a policy
// rejection, "5.1.1 … too many recipients this hour" is not an unknown user (p5-sisimai#236).
import type { ReasonCategory } from '../types';

interface Phrase {
  reason: ReasonCategory;
  re: RegExp;
}

// Ordered: the first match wins, so the more specific wordings come first. The first block holds
// phrases that would otherwise be swallowed by a broader phrase of another category (Domino's "not
// listed in Domino Directory" is no blocklist, Orange's "account is blocked" no spam block, Postfix's
// "delivery temporarily suspended: connect to …" no suspended mailbox).
export const PHRASES: readonly Phrase[] = [
  {
    reason: 'user-unknown',
    re: /not listed in (?:the )?(?:domino directory|public name & address book|(?:the )?address book)|user not listed/i,
  },
  {
    reason: 'relay-denied',
    re: /not configured to relay|relay(?:ing)? (?:access )?(?:denied|not permitted|prohibited|not allowed)|not (?:permitted|allowed) to relay|unable to relay|we do not relay|no relaying|cannot relay/i,
  },
  {
    reason: 'network-error',
    re: /delivery temporarily suspended: connect to|connect to \S+ (?:timed out|refused)|lost connection with/i,
  },
  {
    reason: 'mailbox-disabled',
    re: /(?:account|mailbox|compte)[^.]{0,40}(?:is |est )?(?:blocked|bloqu)|account (?:has been )?(?:disabled|suspended|deactivated|locked)/i,
  },
  {
    reason: 'mailbox-full',
    re: /mailbox (?:is )?full|over ?quota|quota (?:exceeded|full)|exceeded (?:storage|quota|its disk space)|insufficient (?:disk|storage)|mailbox (?:size limit|exceeds)|(?:mailbox|disk) (?:size|space) limit|storage (?:limit|full)|disk quota|full mailbox|too many messages|zu ?viele mails|mail ?box is (?:over|at) |postfach (?:ist )?voll|boîte (?:aux lettres|mail) pleine|casella (?:piena|postale piena)|buzón (?:está )?lleno|caixa (?:postal )?cheia|skrzynka (?:jest )?pełna|ящик переполнен|一杯/i,
  },
  {
    reason: 'virus-content',
    // "InterScan E-Mail VirusWall" names a product, not a finding.
    re: /\bvirus(?!wall)|malware|infected|trojan|\bworm\b|banned (?:attachment|file)|attachment (?:type|not allowed)|forbidden (?:attachment|extension)|executable/i,
  },
  {
    reason: 'spam-blocked',
    re: /\bspam|\bUBE\b|junk ?mail|blacklist|blocklist|black list|block list|\brbl\b|dnsbl|spamhaus|spamcop|barracuda|sorbs|\buce\b|unsolicited|bulk mail|reputation|content (?:rejected|filter)|listed (?:at|in|on) |poor reputation|rejected (?:due to|for) (?:content|policy)|message (?:refused|rejected) as|suspicious|phish|high probability|\bmtablock|mta-blocked|sender (?:is )?(?:denied|rejected|blocked)|denied by policy|refused by (?:antispam|content)|filtered|blocked/i,
  },
  {
    reason: 'auth-policy',
    re: /\b(?:spf|dkim|dmarc)\b|sender policy framework|domainkeys|reverse dns|\bptr\b|rdns|not authenticated|unauthenticated|authentication (?:required|failed)|5\.7\.2[3-7]|sender (?:address )?verif|could not verify sender|arc validation|without valid reverse|helo [^\n]{0,120}(?:invalid|rejected)|reject_unknown_(?:client|helo|sender)/i,
  },
  {
    reason: 'too-large',
    re: /too (?:big|large)|exceeds? (?:the )?(?:maximum |max )?(?:message |mail )?size|size (?:limit|exceeded)|message size|message length exceeds|mail size|larger than/i,
  },
  {
    reason: 'mailbox-disabled',
    re: /disabled|suspended (?:account|mailbox|user)|(?:account|mailbox|user) (?:is )?suspended|inactive|deactivated|not active|locked|expired account|account (?:has been )?(?:closed|terminated)|no longer (?:active|available|in use)|has moved|gesperrt|désactivé/i,
  },
  {
    reason: 'domain-unknown',
    re: /host (?:or domain name )?not found|domain (?:not found|does not exist|name not found|unknown)|unknown (?:host|domain)|name or service not known|no (?:mx|a) record|nxdomain|unrouteable (?:mail )?(?:domain|address)|unroutable|no such domain|bad destination (?:system|mailbox address)|dns (?:error|lookup fail)|could not be resolved|domain (?:is )?invalid|domain is not reachable|illegal host\/domain|host unknown/i,
  },
  {
    reason: 'user-unknown',
    re: /user (?:unknown|not found|doesn'?t exist|does not exist)|unknown (?:user|recipient|address|local|mailbox)|no such (?:user|recipient|mailbox|address|person)|(?:address|mailbox|recipient|account|user) (?:does not exist|doesn'?t exist|not found|unknown|unavailable|invalid|rejected|not listed)|invalid (?:recipient|mailbox|address|user)|recipient (?:address )?rejected|not (?:a )?valid (?:recipient|mailbox|user)|mailbox not found|no mailbox|no account|is not a known user|undeliverable address|not our customer|wasn'?t found at|couldn'?t be found|doesn'?t have an? .{0,30}account|bad recipient|dosn't exist|account that you tried to reach does not exist|unbekannt|existiert nicht|n'existe pas|inexistant|introuvable|inesistente|no existe|desconocido|não existe|bestaat niet|nie istnieje|не существует|несуществующ|存在しない|不存在/i,
  },
  {
    reason: 'expired',
    re: /retry (?:time|timeout) (?:not reached|exceeded)|(?:message|mail|envelope) (?:expired|timed out)|could not be delivered for|giving up|gave up|too long in (?:the )?queue|delivery time expired|expired after|time limit|has been delayed for|undeliverable for \d|for more than \d+ (?:days|hours)|all hosts have been failing/i,
  },
  {
    reason: 'network-error',
    re: /connection (?:refused|timed out|reset|lost|closed)|timed out|timeout|network (?:is )?unreachable|no route to host|routing loop|mail loop|loops? (?:back|detected)|too many hops|tls|starttls|certificate|temporary (?:failure|error|problem)|try again later|service (?:not )?(?:available|unavailable)|system (?:error|failure)|internal error|local error|resources|out of memory|i\/o error|lost connection/i,
  },
];

/** Categories that a DSN status code settles by itself (RFC 3463 §3.x subject/detail codes). */
function fromStatus(status: string): ReasonCategory | undefined {
  const [cls, subject, detail] = status.split('.');
  const code = `${subject}.${detail}`;
  switch (code) {
    case '1.1':
    case '1.6':
      return 'user-unknown';
    case '1.2':
      return 'domain-unknown';
    case '1.3':
      return 'user-unknown';
    case '1.8':
    case '7.27':
    case '7.23':
    case '7.24':
    case '7.25':
    case '7.26':
    case '7.7':
      return 'auth-policy';
    case '2.1':
      return 'mailbox-disabled';
    case '2.2':
      return 'mailbox-full';
    case '2.3':
    case '3.4':
      return 'too-large';
    case '3.1':
      return 'mailbox-full'; // mail system full
    case '4.1':
      // 4.4.1 "no answer from host"; Microsoft 365 also sends 5.4.1 "Recipient address rejected: Access
      // denied" for unknown recipients (directory-based edge blocking): the words decide that one.
      return cls === '5' ? undefined : 'network-error';
    case '1.0':
    case '3.0':
    case '5.0':
      return undefined; // RFC 3463 "other or undefined" mail system / protocol status: the words decide
    case '4.2':
    case '4.3':
    case '4.6':
    case '4.5':
    case '4.0':
    case '3.2':
    case '3.5':
    case '7.10':
    case '7.5':
    case '7.4':
    case '7.3':
      return 'network-error';
    case '4.4':
      return 'domain-unknown';
    case '4.7':
      return 'expired';
    case '7.0':
    case '7.1':
    case '7.9':
    case '6.0':
      return undefined; // generic: the words decide
    default:
      return cls === '4' && subject === '4' ? 'network-error' : undefined;
  }
}

/** Categories of words that outrank a specific status: causes a status code cannot express. */
const WORDS_OVERRIDE: ReadonlySet<ReasonCategory> = new Set<ReasonCategory>([
  'auth-policy',
  'spam-blocked',
  'virus-content',
  'relay-denied',
]);

/**
 * How many phrases of the table a status-bearing text needs read: up to the last one whose category can
 * override the status. A first match further on names a category that cannot, so the status decides
 * whether or not it matches (most DSN diagnostics say "user unknown", near the table's end).
 */
const OVERRIDE_SCAN = PHRASES.reduce((n, p, i) => (WORDS_OVERRIDE.has(p.reason) ? i + 1 : n), 0);

export function reasonFor(
  status: string | undefined,
  replyCode: string | undefined,
  text: string,
): ReasonCategory {
  const words = text.length > 4000 ? text.slice(0, 4000) : text;
  const byStatus = status ? fromStatus(status) : undefined;
  // A full mailbox or an oversized message is never overridden by words: the table is not read.
  if (byStatus === 'mailbox-full' || byStatus === 'too-large') {
    return byStatus;
  }
  const byWords = words ? phraseReason(words, byStatus ? OVERRIDE_SCAN : PHRASES.length) : undefined;
  // A specific status wins over words, except the generic ones (x.0.0, x.7.1, …) and when the words
  // name a categorical cause the status cannot express (policy, spam, virus).
  if (byStatus && byWords && byStatus !== byWords) {
    return WORDS_OVERRIDE.has(byWords) ? byWords : byStatus;
  }
  if (byStatus) {
    return byStatus;
  }
  if (byWords) {
    return byWords;
  }
  if (status?.startsWith('5.7') || replyCode === '554') {
    return 'spam-blocked';
  }
  if (replyCode === '550' || replyCode === '551' || replyCode === '553') {
    return 'user-unknown';
  }
  if (replyCode === '552') {
    return 'mailbox-full';
  }
  if (replyCode?.startsWith('4')) {
    return 'network-error';
  }
  return 'other';
}

// The same words are often asked about twice in a row: a report's general text lent to each of its
// recipients (toReports), a recipient whose own words are that text, the original's addressees sharing one
// body (analyze.ts). What the last words' reading found is kept: the phrase table is the costly part of
// reasonFor. A reading may stop early (OVERRIDE_SCAN); a later ask that needs more of the table goes on
// from there.
let lastWords: string | undefined;
/** The last words as the table reads them: lower-cased, or as they are (FOLDS_APART). */
let lastRead = '';
let lastFolded = false;
/** Index of the first phrase found in the last words, -1 for none among the first `lastScanned`. */
let lastFound = -1;
let lastScanned = 0;

/** The category of the first phrase among the table's first `limit` that `words` contains. */
function phraseReason(words: string, limit: number): ReasonCategory | undefined {
  if (words !== lastWords) {
    lastWords = words;
    lastFolded = FOLDS_APART.test(words);
    lastRead = lastFolded ? words : words.toLowerCase();
    lastFound = -1;
    lastScanned = 0;
  }
  if (lastFound === -1 && lastScanned < limit) {
    const table = lastFolded ? PHRASE_RES : LOWER_PHRASES;
    for (let i = lastScanned; i < limit; i++) {
      if (table[i]!.test(lastRead)) {
        lastFound = i;
        break;
      }
    }
    lastScanned = limit;
  }
  return lastFound !== -1 && lastFound < limit ? PHRASES[lastFound]!.reason : undefined;
}

const PHRASE_RES: readonly RegExp[] = PHRASES.map(p => p.re);

/**
 * The table's patterns with their letters lower-cased and without the `i` flag, run over a lower-cased copy
 * of the words: the same answers (see FOLDS_APART) for about two thirds of the instructions, as a
 * case-insensitive pattern compares each letter both ways at every position (issue 10).
 */
export const LOWER_PHRASES: readonly RegExp[] = PHRASES.map(
  // Escapes (\b, \S, \d, …) keep their case: only the literal text between them is lower-cased.
  p =>
    new RegExp(
      p.re.source.replace(/\\.|[^\\]+/g, t => (t.startsWith('\\') ? t : t.toLowerCase())),
      '',
    ),
);

/**
 * The characters on which a lower-cased copy and a case-insensitive pattern disagree, for the letters of
 * this table: "İ" (two characters lower-cased), the Kelvin sign (lower-cased to "k", which no
 * case-insensitive "k" matches), and old Cyrillic letter forms whose capital is the modern one (ᲀ → В)
 * but which stay themselves lower-cased. Words with any of them are read with the table itself.
 * reason.test.ts derives the set from the table and checks this covers it.
 */
export const FOLDS_APART = /[\u0130\u1c80-\u1c88\u212a]/;

/**
 * "550 5.1.1 <x@y>: …" → reply code and enhanced status found in a diagnostic text. In a transcript or
 * behind a banner, failure codes win over the success and greeting codes around them ("250 2.1.5 Ok …
 * 451 4.3.0 Error", "220-laposte 421 4.2.1 …"); a success code alone is still read (receipts).
 */
export function codesIn(text: string): { replyCode: string | undefined; status: string | undefined } {
  const t = text.length > 2000 ? text.slice(0, 2000) : text;
  return { replyCode: firstFailure(REPLY_CODE, t), status: firstFailure(ENHANCED_STATUS, t) };
}

const REPLY_CODE = /(?:^|[^\d.])([245][0-5]\d)(?=[\s-]|$)/g;
const ENHANCED_STATUS = /(?:^|[^\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d.]*\d)/g;

/**
 * The first code `re` finds that starts with 4 or 5, else the first code at all. One exec loop that stops
 * at the first failure code: the arrays of all matches, and `c[0]` on strings of either width, made
 * codesIn and its inlining callers (the delivery-status reader, toReports) deoptimise and compile again
 * in every fresh process (issue 10 §4).
 */
function firstFailure(re: RegExp, t: string): string | undefined {
  let first: string | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(t); m !== null; m = re.exec(t)) {
    const code = m[1]!;
    const c = code.charCodeAt(0);
    if (c === 0x34 || c === 0x35) {
      return code;
    }
    first ??= code;
  }
  return first;
}
