// Options: automatic-scan mode, extra own addresses, trusted relays, the learned profile (view and
// reset), the counts of what was junked and undone, and the history of moves with Undo (and a retry
// for an Undo that did not work).
import { useEffect, useState } from 'preact/hooks';
import { AUTO_SCAN_MODES, type AutoScanMode } from '../core/settings';
import type { MoveHistory, OptionsView } from '../protocol';
import type { MoveRecord } from '../thunderbird/junk';
import type { I18n } from '../ui/i18n';
import type { Ask } from '../ui/port';

export interface OptionsProps {
  ask: Ask;
  i18n: I18n;
}

const MODE_LABEL: Record<AutoScanMode, string> = {
  off: 'optionsModeOff',
  tag: 'optionsModeTag',
  'tag-and-move': 'optionsModeTagAndMove',
};

const lines = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map(line => line.trim())
    .filter(Boolean);

export function Options({ ask, i18n: { t } }: OptionsProps) {
  const [view, setView] = useState<OptionsView | undefined>(undefined);
  const [mode, setMode] = useState<AutoScanMode>('tag');
  const [addresses, setAddresses] = useState('');
  const [relays, setRelays] = useState('');
  const [saved, setSaved] = useState(false);
  const [history, setHistory] = useState<MoveHistory | undefined>(undefined);
  const [undoing, setUndoing] = useState<string | undefined>(undefined);

  const show = (next: OptionsView) => {
    setView(next);
    setMode(next.settings.autoScan);
    setAddresses(next.settings.extraAddresses.join('\n'));
    setRelays(next.settings.trustedRelays.join('\n'));
  };

  useEffect(() => {
    void ask({ type: 'get-options' }).then(show);
    void ask({ type: 'move-history' }).then(setHistory);
  }, [ask]);

  const undo = async (move: MoveRecord) => {
    setUndoing(move.moveId);
    try {
      await ask({ type: 'undo-moves', moveIds: [move.moveId] });
    } finally {
      setHistory(await ask({ type: 'move-history' }));
      show(await ask({ type: 'get-options' }));
      setUndoing(undefined);
    }
  };

  if (!view) {
    return <main class="bsg-page" />;
  }

  const save = async (event: Event) => {
    event.preventDefault();
    show(
      await ask({
        type: 'save-settings',
        settings: { autoScan: mode, extraAddresses: lines(addresses), trustedRelays: lines(relays) },
      }),
    );
    setSaved(true);
  };

  const profile = view.profile;
  return (
    <main class="bsg-page bsg-options">
      <form onSubmit={event => void save(event)}>
        <fieldset>
          <legend>{t('optionsAutoScan')}</legend>
          {AUTO_SCAN_MODES.map(candidate => (
            <label key={candidate}>
              <input
                type="radio"
                name="autoScan"
                value={candidate}
                checked={mode === candidate}
                onChange={() => setMode(candidate)}
              />{' '}
              {t(MODE_LABEL[candidate])}
            </label>
          ))}
        </fieldset>
        <label>
          {t('optionsExtraAddresses')}
          <textarea
            name="extraAddresses"
            rows={3}
            value={addresses}
            onInput={event => setAddresses(event.currentTarget.value)}
          />
        </label>
        <label>
          {t('optionsTrustedRelays')}
          <textarea
            name="trustedRelays"
            rows={3}
            value={relays}
            onInput={event => setRelays(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="bg-button bg-button--primary" data-action="save">
          {t('optionsSave')}
        </button>{' '}
        {saved ? <span data-notice="saved">{t('optionsSaved')}</span> : null}
      </form>
      <section>
        <h2>{t('optionsProfile')}</h2>
        {profile ? (
          <dl data-profile="learned">
            <dt>{t('optionsProfileAddresses')}</dt>
            <dd>{profile.addresses.join(', ')}</dd>
            <dt>{t('optionsProfileMessageIdDomains')}</dt>
            <dd>{profile.messageIdDomains.join(', ')}</dd>
            {profile.relays.length > 0 ? (
              <>
                <dt>{t('optionsProfileRelays')}</dt>
                <dd>{profile.relays.join(', ')}</dd>
              </>
            ) : null}
            <dt>{t('optionsProfileSample')}</dt>
            <dd data-profile-learned={view.profileLearnedAt ? 'yes' : 'stale'}>
              {/* learnedAt 0: to be learned again (settings changed, or Sent gave no sample yet). */}
              {view.profileLearnedAt
                ? t('optionsProfileSampleValue', [
                    String(profile.sampleSize),
                    new Date(view.profileLearnedAt).toLocaleString(),
                  ])
                : t('optionsProfileStale', [String(profile.sampleSize)])}
            </dd>
          </dl>
        ) : (
          <p data-profile="none">{t('optionsProfileNone')}</p>
        )}
        <button
          type="button"
          class="bg-button"
          data-action="reset-profile"
          onClick={() => void ask({ type: 'reset-profile' }).then(show)}
        >
          {t('optionsProfileReset')}
        </button>
      </section>
      <section>
        <h2>{t('optionsStats')}</h2>
        <p data-stats={`${view.stats.junked}/${view.stats.undone}`}>
          {t('optionsStatsValue', [
            String(view.stats.junked),
            String(view.stats.undone),
            String(view.stats.autoTagged),
            String(view.stats.autoMoved),
          ])}
        </p>
      </section>
      <section data-history={history ? history.moves.length : 'loading'}>
        <h2>{t('optionsHistory')}</h2>
        {history && history.moves.length === 0 ? <p>{t('optionsHistoryEmpty')}</p> : null}
        {history && history.moves.length > 0 ? (
          <ul class="bsg-history">
            {history.moves.slice(0, 100).map(move => (
              <li key={move.moveId} data-move-id={move.moveId} data-state={move.state}>
                <span class="bsg-history__when">{new Date(move.at).toLocaleString()}</span>{' '}
                <span class="bsg-history__subject">{move.subject}</span>{' '}
                <span class="bsg-history__state">
                  {move.state === 'restored'
                    ? t('optionsHistoryRestored')
                    : move.state === 'undo-failed'
                      ? t('optionsHistoryFailed')
                      : t('optionsHistoryInJunk', [move.junkFolderName ?? t('junkFolderFallback')])}
                </span>{' '}
                {move.state !== 'restored' ? (
                  <button
                    type="button"
                    class="bg-button"
                    data-action="undo"
                    disabled={undoing !== undefined}
                    onClick={() => void undo(move)}
                  >
                    {t('optionsHistoryUndo')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </main>
  );
}
