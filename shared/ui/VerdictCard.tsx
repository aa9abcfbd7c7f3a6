// VerdictCard: the verdict on one automated message, for the Thunderbird banner/popup and the Outlook
// task pane alike.
//
// Props:
//   decision      Decision from decide(): verdict, confidence, evidence, explanation.
//   kind          Analysis.kind, to name the message in plain words ("delivery failure").
//   lang?         'en' | 'de' (default 'en').
//   maxReasons?   how many top reasons to list (default 3); neutral notes are listed only when nothing
//                 else is.
//   showEvidence? add a collapsed <details> with all evidence and weights (default true).
//   actions?      VerdictAction[]: buttons the shell wires to its platform (delete, junk, "I sent this").
//                 The card never touches a mail API; it only calls onAction.
//   busy?         disables every action button while the shell works.
//   userOverride? the user said "not backscatter": the title says so, and the engine's evidence stays
//                 as it was (labelled as what the checks found), never re-worded as a real bounce.
//   collapsed?    the in-message banner's one-line card (issue 11 item 8: the message text moves by one
//                 line, not by the whole card, when the banner arrives): the title, which opens the
//                 rest, and the first action on one line; the summary, confidence, reasons,
//                 explanation, the shell's `more` and the other actions below it, opened on request
//                 (and only then rendered).
//   more?         with collapsed: shown first in the opened part (the banner's "what is missing" hint).
//
// Colours follow tone.ts (class bg-tone--<tone>, data-tone).
//
// The confidence line is shown for backscatter and legitimate only (for unsure it would read oddly).
//
// The explanation (what failed, for whom, what to do) is shown for legitimate bounces, and for unsure
// ones under "If you did send it". Renders a small neutral card when decision.verdict is undefined
// (ordinary mail). Text only: nothing here sets HTML.
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { format, type Lang } from '../i18n/index';
import type { Decision, MessageKind } from '../src/types';
import { EvidenceList } from './EvidenceList';
import { ExplanationList } from './ExplanationList';
import { verdictTone } from './tone';

export interface VerdictAction {
  /** Stable id, also used as data-action on the button ('delete', 'junk', 'not-backscatter', …). */
  id: string;
  /** Text on the button, already in the user's language (e.g. format('action.delete', {}, lang)). */
  label: string;
  onAction: () => void;
  /** 'primary' for the suggested action; 'danger' for destructive ones. Default 'secondary'. */
  variant?: 'primary' | 'secondary' | 'danger';
  disabled?: boolean;
}

export interface VerdictCardProps {
  decision: Decision;
  kind: MessageKind;
  lang?: Lang;
  maxReasons?: number;
  showEvidence?: boolean;
  actions?: readonly VerdictAction[];
  busy?: boolean;
  userOverride?: boolean;
  collapsed?: boolean;
  more?: ComponentChildren;
}

export function VerdictCard({
  decision,
  kind,
  lang = 'en',
  maxReasons = 3,
  showEvidence = true,
  actions = [],
  busy = false,
  userOverride = false,
  collapsed = false,
  more,
}: VerdictCardProps) {
  const [open, setOpen] = useState(false);
  const moreId = useId();
  const verdict = decision.verdict ?? 'none';
  const tone = verdictTone(decision.verdict, kind, userOverride);
  // No verdict: ordinary mail says so; an automated kind without a verdict (an abuse feedback report)
  // is named for what it is, never "ordinary mail".
  const textKey = verdict === 'none' && kind !== 'other' ? 'verdict.none.kind' : `verdict.${verdict}`;
  const kindText = format(`kind.${kind}`, {}, lang);
  const percent = Math.round(Math.min(1, Math.max(0, decision.confidence)) * 100);
  const directed = decision.evidence.filter(item => item.direction !== 'neutral');
  const reasons = directed.length > 0 ? directed : decision.evidence;
  // "More evidence" lists what the reasons above did not, without the internal weights.
  const listed = new Set(reasons.slice(0, maxReasons));
  const moreEvidence = decision.evidence.filter(item => !listed.has(item));
  const showExplanation =
    (verdict === 'legitimate' || verdict === 'unsure') && decision.explanation.length > 0;

  const heading = userOverride ? 'verdict.user.title' : `${textKey}.title`;
  const summary = userOverride
    ? format(
        `verdict.user.summary`,
        { kind: kindText, verdict: format(`verdict.${verdict}.short`, {}, lang), percent },
        lang,
      )
    : format(`${textKey}.summary`, { kind: kindText }, lang);
  const reasonsBlock =
    decision.verdict !== undefined && reasons.length > 0 ? (
      <div class="bg-verdict__reasons">
        {collapsed ? null : <h3>{format(userOverride ? 'ui.reasons-checks' : 'ui.reasons', {}, lang)}</h3>}
        <EvidenceList evidence={reasons} lang={lang} limit={maxReasons} />
      </div>
    ) : null;
  const explanationBlock =
    showExplanation && !userOverride ? (
      <div class="bg-verdict__explanation">
        <h3>{format(verdict === 'legitimate' ? 'ui.explanation' : 'ui.explanation-if-sent', {}, lang)}</h3>
        <ExplanationList items={decision.explanation} lang={lang} />
      </div>
    ) : null;

  const confidenceLine =
    !userOverride && (decision.verdict === 'backscatter' || decision.verdict === 'legitimate') ? (
      <p class="bg-verdict__confidence" data-percent={percent}>
        {format('ui.confidence', { percent }, lang)}
      </p>
    ) : null;
  const actionButton = (action: VerdictAction) => (
    <button
      key={action.id}
      type="button"
      class={`bg-button bg-button--${action.variant ?? 'secondary'}`}
      data-action={action.id}
      disabled={busy || action.disabled === true}
      onClick={() => action.onAction()}
    >
      {action.label}
    </button>
  );
  const actionGroup = (group: readonly VerdictAction[]) =>
    group.length > 0 ? (
      <div class="bg-verdict__actions" role="group" aria-label={format('ui.actions', {}, lang)}>
        {group.map(actionButton)}
      </div>
    ) : null;
  const evidenceDetails =
    showEvidence && decision.verdict !== undefined && moreEvidence.length > 0 ? (
      <details class="bg-verdict__details">
        <summary>{format('ui.evidence', {}, lang)}</summary>
        <EvidenceList evidence={moreEvidence} lang={lang} />
      </details>
    ) : null;
  const sectionProps = {
    class: `bg-verdict bg-verdict--${verdict} bg-tone--${tone}${collapsed ? ' bg-verdict--line' : ''}`,
    'data-verdict': verdict,
    'data-tone': tone,
    'aria-live': 'polite' as const,
  };
  const title = <h2 class="bg-verdict__title">{format(heading, { kind: kindText }, lang)}</h2>;
  const summaryLine = <p class="bg-verdict__summary">{summary}</p>;

  if (collapsed) {
    // One line: the title, which is also the toggle (the WAI-ARIA accordion pattern: a button inside
    // the heading, so it stays a heading), and the shell's first action (its suggested one). A
    // separate "Why" did not fit beside them in the 390 px a 1000 px window leaves the message.
    // Everything else is below, opened only on request: a card that opened by itself would move the
    // text a second time.
    const [first, ...rest] = actions;
    return (
      <section {...sectionProps}>
        <div class="bg-verdict__line">
          <h2 class="bg-verdict__title">
            <button
              type="button"
              class="bg-verdict__toggle"
              aria-expanded={open ? 'true' : 'false'}
              aria-controls={moreId}
              onClick={() => setOpen(!open)}
            >
              {format(heading, { kind: kindText }, lang)}
            </button>
          </h2>
          {first ? actionButton(first) : null}
        </div>
        {/* Drawn only once opened: the banner is drawn for every bounce shown, on Thunderbird's main
            thread, and most are never opened. The empty container stays for aria-controls. */}
        <div class="bg-verdict__more" id={moreId} hidden={!open}>
          {open ? (
            <>
              {more}
              {summaryLine}
              {confidenceLine}
              {explanationBlock}
              {reasonsBlock}
              {actionGroup(rest)}
              {evidenceDetails}
            </>
          ) : null}
        </div>
      </section>
    );
  }

  return (
    <section {...sectionProps}>
      {title}
      {summaryLine}
      {confidenceLine}
      {reasonsBlock}
      {explanationBlock}
      {actionGroup(actions)}
      {evidenceDetails}
    </section>
  );
}
