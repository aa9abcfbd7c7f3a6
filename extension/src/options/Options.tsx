// Options: automatic-scan mode, extra own addresses, trusted relays, the learned profile (view and
// reset) and the counts of what was junked and undone.
import { useEffect, useState } from 'preact/hooks';
import { AUTO_SCAN_MODES, type AutoScanMode } from '../core/settings';
import type { OptionsView } from '../protocol';
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

  const show = (next: OptionsView) => {
    setView(next);
    setMode(next.settings.autoScan);
    setAddresses(next.settings.extraAddresses.join('\n'));
    setRelays(next.settings.trustedRelays.join('\n'));
  };

  useEffect(() => {
    void ask({ type: 'get-options' }).then(show);
  }, [ask]);

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
            <dt>{t('optionsProfileRelays')}</dt>
            <dd>{profile.relays.join(', ')}</dd>
            <dt>{t('optionsProfileSample')}</dt>
            <dd>
              {t('optionsProfileSampleValue', [
                String(profile.sampleSize),
                new Date(view.profileLearnedAt ?? 0).toLocaleString(),
              ])}
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
    </main>
  );
}
