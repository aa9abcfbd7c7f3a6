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
}

export function VerdictCard({
  decision,
  kind,
  lang = 'en',
  maxReasons = 3,
  showEvidence = true,
  actions = [],
  busy = false,
}: VerdictCardProps) {
  const verdict = decision.verdict ?? 'none';
  // No verdict: ordinary mail says so; an automated kind without a verdict (an abuse feedback report)
  // is named for what it is, never "ordinary mail".
  const textKey = verdict === 'none' && kind !== 'other' ? 'verdict.none.kind' : `verdict.${verdict}`;
  const kindText = format(`kind.${kind}`, {}, lang);
  const percent = Math.round(Math.min(1, Math.max(0, decision.confidence)) * 100);
  const directed = decision.evidence.filter(item => item.direction !== 'neutral');
  const reasons = directed.length > 0 ? directed : decision.evidence;
  const showExplanation =
    (verdict === 'legitimate' || verdict === 'unsure') && decision.explanation.length > 0;

  return (
    <section class={`bg-verdict bg-verdict--${verdict}`} data-verdict={verdict} aria-live="polite">
      <h2 class="bg-verdict__title">{format(`${textKey}.title`, { kind: kindText }, lang)}</h2>
      <p class="bg-verdict__summary">{format(`${textKey}.summary`, { kind: kindText }, lang)}</p>
      {decision.verdict === 'backscatter' || decision.verdict === 'legitimate' ? (
        <p class="bg-verdict__confidence" data-percent={percent}>
          {format('ui.confidence', { percent }, lang)}
        </p>
      ) : null}
      {decision.verdict !== undefined && reasons.length > 0 ? (
        <div class="bg-verdict__reasons">
          <h3>{format('ui.reasons', {}, lang)}</h3>
          <EvidenceList evidence={reasons} lang={lang} limit={maxReasons} />
        </div>
      ) : null}
      {showExplanation ? (
        <div class="bg-verdict__explanation">
          <h3>{format(verdict === 'legitimate' ? 'ui.explanation' : 'ui.explanation-if-sent', {}, lang)}</h3>
          <ExplanationList items={decision.explanation} lang={lang} />
        </div>
      ) : null}
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
      {showEvidence && decision.verdict !== undefined && decision.evidence.length > 0 ? (
        <details class="bg-verdict__details">
          <summary>{format('ui.evidence', {}, lang)}</summary>
          <EvidenceList evidence={decision.evidence} lang={lang} showWeights />
        </details>
      ) : null}
    </section>
  );
}
