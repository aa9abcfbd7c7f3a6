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
//   collapsed?    reasons and explanation go into a closed <details> (the in-message banner: a short
//                 card so the message text moves as little as possible when it arrives).
//
// Colours follow tone.ts (class bg-tone--<tone>, data-tone).
//
// The confidence line is shown for backscatter and legitimate only (for unsure it would read oddly).
//
// The explanation (what failed, for whom, what to do) is shown for legitimate bounces, and for unsure
// ones under "If you did send it". Renders a small neutral card when decision.verdict is undefined
// (ordinary mail). Text only: nothing here sets HTML.
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
}: VerdictCardProps) {
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

  return (
    <section
      class={`bg-verdict bg-verdict--${verdict} bg-tone--${tone}`}
      data-verdict={verdict}
      data-tone={tone}
      aria-live="polite"
    >
      <h2 class="bg-verdict__title">{format(heading, { kind: kindText }, lang)}</h2>
      <p class="bg-verdict__summary">{summary}</p>
      {!userOverride && (decision.verdict === 'backscatter' || decision.verdict === 'legitimate') ? (
        <p class="bg-verdict__confidence" data-percent={percent}>
          {format('ui.confidence', { percent }, lang)}
        </p>
      ) : null}
      {collapsed && (reasonsBlock || explanationBlock) ? (
        <details class="bg-verdict__more">
          <summary>
            {format(
              explanationBlock && verdict === 'legitimate'
                ? 'ui.explanation'
                : userOverride
                  ? 'ui.reasons-checks'
                  : 'ui.reasons',
              {},
              lang,
            )}
          </summary>
          {explanationBlock}
          {reasonsBlock}
        </details>
      ) : (
        <>
          {reasonsBlock}
          {explanationBlock}
        </>
      )}
      {actions.length > 0 ? (
        <div class="bg-verdict__actions" role="group" aria-label={format('ui.actions', {}, lang)}>
          {actions.map(action => (
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
          ))}
        </div>
      ) : null}
      {showEvidence && decision.verdict !== undefined && moreEvidence.length > 0 ? (
        <details class="bg-verdict__details">
          <summary>{format('ui.evidence', {}, lang)}</summary>
          <EvidenceList evidence={moreEvidence} lang={lang} />
        </details>
      ) : null}
    </section>
  );
}
