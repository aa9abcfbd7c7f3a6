// One message's result: the shared VerdictCard when there is a decision, otherwise what analyze()
// recognised (kind and failed recipients) so the pane is useful before a verdict engine is wired in.
import type { Lang } from '../../../shared/i18n/index';
import { VerdictCard, type VerdictAction } from '../../../shared/ui/index';
import { t } from '../strings';
import type { Assessment } from '../verdict/assess';

export interface AssessmentViewProps {
  assessment: Assessment;
  lang: Lang;
  actions?: readonly VerdictAction[];
  busy?: boolean;
}

export function AssessmentView({
  assessment: { analysis, decision },
  lang,
  actions = [],
  busy = false,
}: AssessmentViewProps) {
  if (decision) {
    return <VerdictCard decision={decision} kind={analysis.kind} lang={lang} actions={actions} busy={busy} />;
  }
  const failed = analysis.recipients.map(r => r.address).filter(address => address !== '');
  return (
    <section
      class="bg-verdict bg-verdict--none"
      data-verdict="none"
      data-kind={analysis.kind}
      aria-live="polite"
    >
      <p class="bg-verdict__summary">
        {t('pane.no-decision', { kind: t(`kind.${analysis.kind}`, {}, lang) }, lang)}
      </p>
      {failed.length > 0 ? <p>{t('pane.recipients', { recipients: failed }, lang)}</p> : null}
    </section>
  );
}
