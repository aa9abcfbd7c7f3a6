// Header-pane button popup: the full evidence for the displayed message, the same actions as the
// banner, and a way to sweep the message's folder.
import { format } from '../../../shared/i18n/index';
import type { DisplayedView } from '../protocol';
import type { I18n } from '../ui/i18n';
import type { Ask } from '../ui/port';
import { VerdictPanel } from '../ui/VerdictPanel';

export interface PopupProps {
  view: DisplayedView;
  ask: Ask;
  i18n: I18n;
  openSweep: (folderId: string | undefined) => void;
}

export function Popup({ view, ask, i18n, openSweep }: PopupProps) {
  const result = view.result;
  return (
    <main class="bsg-page bsg-popup">
      {result?.verdict !== undefined ? (
        <VerdictPanel view={view} ask={ask} i18n={i18n} showEvidence />
      ) : (
        <p data-verdict="none">
          {result?.automated
            ? i18n.t('popupNoVerdict', [format(`kind.${result.analysis.kind}`, {}, i18n.lang)])
            : i18n.t('popupNotAutomated')}
        </p>
      )}
      <p>
        <button
          type="button"
          class="bg-button"
          data-action="sweep"
          onClick={() => openSweep(result?.message.folderId)}
        >
          {i18n.t('actionSweepFolder')}
        </button>
      </p>
    </main>
  );
}
