// Does the original read like spam? Terms that spam runs use and people rarely write (checked as whole
// words in the subject and the first lines of the body), or a charset the user's own mail never
// declares (KOI8-R, GB2312, … in the mail of someone who writes UTF-8 only). For auto-replies, the
// quoted subject is all there is.
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { THRESHOLDS, WEIGHTS } from '../thresholds';

export const id = 'spam-content';

// English, German, French, Spanish, Russian spam vocabulary. Whole words, case-insensitive.
const TERMS =
  /\b(viagra|cialis|levitra|pharmacy|casino|jackpot|lottery|lotto|bitcoin|crypto|forex|payday loan|loan offer|replica watches|rolex|weight loss|enlarge(?:ment)?|dating|hot singles|sexy|xxx|porn|inheritance|beneficiary|next of kin|western union|wire transfer|million dollars|investment opportunity|unclaimed|winner|you have won|claim your prize|100% free|act now|limited time offer|miracle|cheap meds|no prescription|gewinnspiel|gewonnen|kredit ohne schufa|potenzmittel|casino en ligne|gagnant|préstamo|ganador|виагра|казино|кредит|заработок)\b/gi;

// Charsets every mail program may declare; only others are telling.
const COMMON = new Set(['us-ascii', 'utf-8', 'utf8', 'iso-8859-1', 'iso-8859-15', 'windows-1252', 'ascii']);

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const o = ctx.original;
  const text = [o?.subject, o?.bodyExcerpt, ctx.analysis.answering?.quotedSubject].filter(Boolean).join('\n');
  const terms = [...new Set([...text.matchAll(TERMS)].map(m => m[0].toLowerCase()))];
  if (terms.length > 0) {
    return evidence(id, 'backscatter', terms.length >= 2 ? WEIGHTS.spamTermsMany : WEIGHTS.spamTerms, {
      variant: 'terms',
      terms: terms.slice(0, 4),
    });
  }
  const learned = ctx.profile.charsets ?? [];
  if (o !== undefined && ctx.profile.sampleSize >= THRESHOLDS.minSampleForHabits && learned.length > 0) {
    const foreign = o.charsets.find(c => !COMMON.has(c) && !learned.includes(c));
    if (foreign !== undefined) {
      return evidence(id, 'backscatter', WEIGHTS.spamCharset, { variant: 'charset', charset: foreign });
    }
  }
  return undefined;
}
