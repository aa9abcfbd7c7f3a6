// The one colour language of every verdict surface (Thunderbird banner, header badge, popup, sweep;
// Outlook pane). A colour says what the user has to do, not which verdict the engine reached:
//
//   backscatter  amber  not about your mail: junk it                      badge "✗"
//   failure      red    your mail did not get through: act on it          badge "!"
//                       (a real delivery failure, virus notice or challenge)
//   info         blue   about your mail, nothing to do                    badge "i"
//                       (a real auto-reply, delay notice, receipt, feedback report)
//   unsure       grey   not enough evidence either way: look yourself     badge "?"
//   user         grey   you said "not backscatter"; your choice wins      badge "✓"
//
// verdict.css carries the same values as CSS custom properties (--bg-tone-<tone>-accent/-bg/-fg);
// tone.test.ts keeps the two in step. Every accent has at least 4.5:1 contrast against white text
// and against its background tint.
import { format, hasString, type Lang } from '../i18n/index';
import type { MessageKind, Verdict } from '../src/types';

export type Tone = 'backscatter' | 'failure' | 'info' | 'unsure' | 'user';

export interface ToneColors {
  /** Border, badge background, primary text accents. */
  accent: string;
  /** The card's tint. */
  background: string;
  /** Text on the tint. */
  foreground: string;
  /** One or two characters for a toolbar badge (white on `accent`). */
  badge: string;
}

export const TONES: Readonly<Record<Tone, ToneColors>> = {
  backscatter: { accent: '#B45309', background: '#FFF7ED', foreground: '#431407', badge: '✗' },
  failure: { accent: '#B91C1C', background: '#FEF2F2', foreground: '#450A0A', badge: '!' },
  info: { accent: '#1D4ED8', background: '#EFF6FF', foreground: '#172554', badge: 'i' },
  unsure: { accent: '#4B5563', background: '#F3F4F6', foreground: '#111827', badge: '?' },
  user: { accent: '#4B5563', background: '#F3F4F6', foreground: '#111827', badge: '✓' },
};

/** Kinds whose real (legitimate) instance asks the user to act: their mail did not arrive. */
const ACTION_KINDS: readonly MessageKind[] = ['ndr', 'virus-notice', 'challenge'];

export function verdictTone(verdict: Verdict | undefined, kind: MessageKind, userOverride = false): Tone {
  if (userOverride) {
    return 'user';
  }
  switch (verdict) {
    case 'backscatter':
      return 'backscatter';
    case 'legitimate':
      return ACTION_KINDS.includes(kind) ? 'failure' : 'info';
    default:
      return 'unsure';
  }
}

/** The verdict in a word or two for a badge, a button label or a list row, by kind for real messages. */
export function shortLabel(
  verdict: Verdict | undefined,
  kind: MessageKind | undefined,
  lang: Lang,
  userOverride = false,
): string {
  if (userOverride) {
    return format('verdict.user.short', {}, lang);
  }
  const byKind = `verdict.legitimate.short.${kind ?? ''}`;
  return verdict === 'legitimate' && hasString(byKind)
    ? format(byKind, {}, lang)
    : format(`verdict.${verdict ?? 'none'}.short`, {}, lang);
}
