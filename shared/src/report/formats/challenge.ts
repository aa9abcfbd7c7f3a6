// Challenge-response systems: the recipient's filter holds the message and asks the sender to prove
// they are a person. Forged mail makes these go to the forged sender. Vendors identify themselves in
// headers and links; the generic form asks to "confirm" or "verify" the sender with a link.
import { header } from '../../mime/header-block';
import { cleanMessageId, messageIds } from '../../headers/addresses';
import type { Format } from './types';
import type { HeaderField } from '../../types';
import { quotedSubject } from './rfc3834';
import { BOUNCE_SUBJECT } from './prose';
import { daemonSender, reportEnvelope, structuralBounce } from '../markers';
import { reportRegionEnd } from '../region';
import { NULL_RETURN_PATH } from '../gate';

interface Vendor {
  id: string;
  re: RegExp;
}

const VENDORS: Vendor[] = [
  { id: 'boxbe', re: /boxbe\.com|\bboxbe\b/i },
  { id: 'spamarrest', re: /spamarrest\.com|spam arrest/i },
  { id: 'bluebottle', re: /bluebottle\.com|x-bluebottle/i },
  { id: 'mailsbestfriend', re: /mailsbestfriend/i },
  { id: 'choicemail', re: /choicemail|digiportal/i },
  { id: 'sendio', re: /sendio\.com|\bsendio\b/i },
  { id: 'mailblocks', re: /mailblocks/i },
  { id: 'tmda', re: /\btmda\b/i },
  { id: 'qurb', re: /\bqurb\b/i },
  { id: 'spamcease', re: /spamcease/i },
  { id: 'vanquish', re: /vanquish/i },
];

// Every vendor's pattern matches only text this one matches too: one pass over the headers and the body
// instead of one per vendor (the vendor table was 5% of the corpus profile, almost all of it misses).
export const ANY_VENDOR =
  /boxbe|spam ?arrest|bluebottle|mailsbestfriend|choicemail|digiportal|sendio|mailblocks|tmda|qurb|spamcease|vanquish/i;

/**
 * The first vendor of the table whose pattern finds `headerText` or `body`. `inHeaders`: whether
 * ANY_VENDOR finds `headerText`, when the caller has asked already.
 */
export function findVendor(
  headerText: string,
  body: string,
  inHeaders = ANY_VENDOR.test(headerText),
): Vendor | undefined {
  if (!inHeaders && !ANY_VENDOR.test(body)) {
    return undefined;
  }
  return VENDORS.find(v => v.re.test(headerText) || v.re.test(body));
}

/**
 * ANY_VENDOR over the header block as it was written, before its fields were read: whatever ANY_VENDOR
 * finds in a field's name or value stands in the block too. A name and each line of a value are copied
 * from it as they are (the name lower-cased: ASCII, which /i reads alike); unfolding joins lines with one
 * space after trimming white space, so only "spam arrest" can span a join, with white space and the line
 * break between its words in the block. No match here: no field has one (the field-by-field test below
 * runs only after a match). `\s*` is followed by a letter it cannot match: no backtracking.
 */
export const ANY_VENDOR_IN_BLOCK =
  /boxbe|spam\s*arrest|bluebottle|mailsbestfriend|choicemail|digiportal|sendio|mailblocks|tmda|qurb|spamcease|vanquish/i;

/**
 * Whether ANY_VENDOR finds the header block's text ("name: value" lines): field by field, as none of its
 * words holds a ":" or a line break, so none spans two fields or a name and its value. The joined text is
 * built only for the messages that get past the bounce markers (most bounces do not).
 */
export function vendorInFields(fields: readonly HeaderField[]): boolean {
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (ANY_VENDOR.test(f.value) || ANY_VENDOR.test(f.name)) {
      return true;
    }
  }
  return false;
}

const CHALLENGE_WORDS =
  /(?:verify|confirm|validate|authenticate|prove)\b.{0,80}\b(?:you are (?:a )?(?:real|human|person)|your (?:e-?mail|address|identity|message)|sender|that you sent)|(?:add(?:ed)? to|join) .{0,40}(?:allowed|approved|guest|white) ?list|(?:request|permission) to send|protected by .{0,40}(?:spam|filter|challenge)|held (?:pending|for) (?:verification|your confirmation)|awaiting (?:your )?(?:verification|confirmation)|click (?:on )?(?:the|this) (?:following )?link .{0,80}(?:deliver|verif|confirm)|bestätigen sie.{0,60}absender|confirmez.{0,60}expéditeur|(?:list of|not on (?:my|the|his|her|our|their)) (?:approved|allowed|authori[sz]ed|accepted|trusted) senders|(?:approved|authori[sz]ed) senders? list|(?:fill (?:in|out)|complete|submit) (?:the|this|a|our) (?:short )?(?:request|verification|authori[sz]ation|approval) form|verify (?:that )?you are (?:a )?(?:real )?(?:person|human)/is;

const CHALLENGE_KEYS =
  /verif|confirm|validat|authenticat|prove|list|permission|request to send|protected by|held|awaiting|click|bestätigen|confirmez|senders\b|\bform\b/i;

const challenge: Format = {
  id: 'challenge',
  match(ctx) {
    const inHeaders =
      (ctx.topText === undefined || ANY_VENDOR_IN_BLOCK.test(ctx.topText)) && vendorInFields(ctx.top);
    // Bounce markers outrank everything but a vendor named in the headers (see vendorSent below), so a
    // delivery report or an MTA's bounce with no vendor in its headers is settled here, before the
    // body is searched for one (most bounces end here: the body scan was most of this format's cost).
    if (!inHeaders && (reportEnvelope(ctx) || (daemonSender(ctx) && BOUNCE_SUBJECT.test(ctx.subject)))) {
      return undefined;
    }
    const headerText = ctx.top.map(f => `${f.name}: ${f.value}`).join('\n');
    const raw = ctx.body.slice(0, 6000);
    const vendor = findVendor(headerText, raw, inHeaders);
    // Delivery reports belong to rfc3464 unless a challenge vendor sent them (Boxbe wraps its
    // challenge in multipart/report with "Status: 4.7.0").
    if (!vendor && (ctx.deliveryStatus !== undefined || ctx.contentType.type === 'multipart/report')) {
      return undefined;
    }
    // The phrase table is costly on long text: only run it where one of its key words occurs at all.
    if (!vendor && !CHALLENGE_KEYS.test(raw) && !CHALLENGE_KEYS.test(ctx.subject)) {
      return undefined;
    }
    // The challenge's own words, before any quoted original, line breaks folded: a returned spam that
    // says "click the link below to verify" inside a bounce decides nothing.
    const window = raw.slice(0, reportRegionEnd(raw)).replace(/\s+/g, ' ');
    const hasKeyWord = (t: string) => CHALLENGE_KEYS.test(t) && CHALLENGE_WORDS.test(t);
    const words = hasKeyWord(window) || hasKeyWord(ctx.subject);
    if (!vendor && !words) {
      return undefined;
    }
    // A vendor name alone (a newsletter about Boxbe) is not a challenge: the message must also ask.
    const vendorSent = vendor !== undefined && vendor.re.test(headerText);
    // Bounce markers outrank challenge words: an MTA's report is a bounce whatever it quotes.
    if (
      !vendorSent &&
      (structuralBounce(ctx, window) || (daemonSender(ctx) && BOUNCE_SUBJECT.test(ctx.subject)))
    ) {
      return undefined;
    }
    if (!words && !vendorSent) {
      return undefined;
    }
    // A challenge answers a message: a reply subject, In-Reply-To, the null sender, "auto-replied" (RFC
    // 3834 §5; "auto-generated" is a notification that answers nothing, like a sign-up confirmation),
    // or a known vendor.
    const isReplyish =
      /^\s*(?:re|aw|sv|antw)\s*:/i.test(ctx.subject) ||
      header(ctx.top, 'in-reply-to') !== undefined ||
      NULL_RETURN_PATH.test(header(ctx.top, 'return-path') ?? 'x') ||
      /^\s*auto-replied/i.test(header(ctx.top, 'auto-submitted') ?? '') ||
      // A responder's own marks (cPanel's challenge sends "X-Autorespond" and "Precedence: auto_reply").
      /auto[_-]?reply/i.test(header(ctx.top, 'precedence') ?? '') ||
      header(ctx.top, 'x-autorespond') !== undefined ||
      vendor !== undefined;
    if (!isReplyish) {
      return undefined;
    }
    return {
      kind: 'challenge',
      recipients: [],
      challengeVendor: vendor?.id,
      answering: {
        inReplyTo: cleanMessageId(header(ctx.top, 'in-reply-to')),
        references: messageIds(header(ctx.top, 'references')),
        quotedSubject: quotedSubject(ctx.subject),
      },
    };
  },
};

export default challenge;
