// The standalone analyzer (analyzer.html, no Office): files are read locally (File.arrayBuffer) and
// never uploaded; bundled samples come from ./samples/.
//
// Two contexts that never mix. The user's: the addresses typed in and the sent mail loaded, used for
// the user's own files. A sample's: the mailbox the sample was written for (alice@example.org) and her
// sample Sent folder, used for that sample only. Trying a sample never changes the user's inputs, so it
// can never turn the user's real bounces into "you did not send this". What is loaded is always listed,
// with a button to remove it.
import { useState } from 'preact/hooks';
import type { Lang } from '../../../shared/i18n/index';
import { t } from '../strings';
import type { Assessment, AssessFn } from '../verdict/assess';
import { AssessmentView } from '../ui/AssessmentView';
import { indexSent, type SentIndex } from './sent-index';

export interface Sample {
  file: string;
  label: string;
}

/** The mailbox the bundled samples were written for, and its Sent folder. */
export const SAMPLE_OWNER = 'alice@example.org';
export const SAMPLE_SENT = 'sent.mbox';

export const SAMPLES: readonly Sample[] = [
  { file: 'backscatter-postfix.eml', label: 'Backscatter (Postfix bounce of a forged message)' },
  { file: 'real-bounce-exim.eml', label: 'Real bounce (Exim, mistyped address)' },
  { file: 'auto-reply.eml', label: 'Automatic reply' },
  { file: 'ordinary.eml', label: 'Ordinary mail' },
];

export interface AnalyzerProps {
  lang: Lang;
  /** Builds the assessment for the given addresses and sent mail, if any. */
  assessFor: (addresses: readonly string[], sent: SentIndex | undefined) => AssessFn;
  fetchSample?: (file: string) => Promise<Uint8Array>;
}

interface Row {
  id: number;
  name: string;
  size: number;
  /** Set for a bundled sample: it ran in the sample's own context. */
  sample: boolean;
  assessment?: Assessment;
  error?: string;
}

interface SentSet {
  index: SentIndex;
  files: string[];
}

const defaultFetchSample = async (file: string) => {
  const response = await fetch(`./samples/${encodeURIComponent(file)}`);
  if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}`);
  }
  return new Uint8Array(await response.arrayBuffer());
};

/** Addresses typed in, one per line or separated by commas, spaces or semicolons. */
export const addressList = (value: string): string[] => value.split(/[\s,;]+/).filter(a => a.includes('@'));

let nextId = 1;

export function Analyzer({ lang, assessFor, fetchSample = defaultFetchSample }: AnalyzerProps) {
  const [addresses, setAddresses] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [dragging, setDragging] = useState(false);
  const [sent, setSent] = useState<SentSet | undefined>(undefined);
  // The sample's Sent folder, loaded once, kept apart from the user's.
  const [sampleSent, setSampleSent] = useState<SentIndex | undefined>(undefined);

  const analyseOne = async (
    name: string,
    load: () => Promise<Uint8Array>,
    assess: () => Promise<AssessFn>,
    sample: boolean,
  ) => {
    const id = nextId++;
    setRows(current => [{ id, name, size: 0, sample }, ...current]);
    let row: Row;
    try {
      const bytes = await load();
      row = { id, name, size: bytes.length, sample, assessment: await (await assess())(bytes) };
    } catch (error) {
      row = { id, name, size: 0, sample, error: error instanceof Error ? error.message : String(error) };
    }
    setRows(current => current.map(existing => (existing.id === id ? row : existing)));
  };

  const analyseFiles = async (files: FileList | null | undefined) => {
    // The user's context as it is now: their addresses and their sent mail, nothing of a sample's.
    const own = assessFor(addressList(addresses), sent?.index);
    for (const file of Array.from(files ?? [])) {
      await analyseOne(
        file.name,
        async () => new Uint8Array(await file.arrayBuffer()),
        async () => own,
        false,
      );
    }
  };

  const loadSent = async (files: FileList | null | undefined) => {
    const list = Array.from(files ?? []);
    if (list.length === 0) {
      return;
    }
    const bytes = await Promise.all(list.map(async file => new Uint8Array(await file.arrayBuffer())));
    setSent({ index: indexSent(bytes), files: list.map(file => file.name) });
  };

  const trySample = async (sample: Sample) => {
    await analyseOne(
      sample.file,
      () => fetchSample(sample.file),
      async () => {
        let index = sampleSent;
        if (index === undefined) {
          index = indexSent([await fetchSample(SAMPLE_SENT)]);
          setSampleSent(index);
        }
        return assessFor([SAMPLE_OWNER], index);
      },
      true,
    );
  };

  const sentCount = sent?.index.summaries.length ?? 0;
  const own = addressList(addresses);

  return (
    <main class="bsg-analyzer">
      <h1>{t('analyzer.title', {}, lang)}</h1>
      <p class="bsg-note">{t('analyzer.intro', {}, lang)}</p>
      <label class="bsg-field">
        <span>{t('analyzer.addresses', {}, lang)}</span>
        <textarea
          name="addresses"
          rows={2}
          value={addresses}
          placeholder="you@example.org, you@work.example"
          onInput={event => setAddresses(event.currentTarget.value)}
        />
      </label>
      <label class="bsg-field">
        <span>{t('analyzer.sent', {}, lang)}</span>
        <input
          type="file"
          name="sent"
          accept=".mbox,.eml,application/mbox,message/rfc822"
          multiple
          onChange={event => {
            void loadSent(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
        />
      </label>
      <section class="bsg-loaded" data-loaded aria-label={t('analyzer.loaded', {}, lang)}>
        <h2>{t('analyzer.loaded', {}, lang)}</h2>
        <p data-loaded-addresses={own.join(' ')}>
          {own.length > 0
            ? t('analyzer.loaded.addresses', { addresses: own }, lang)
            : t('analyzer.loaded.no-addresses', {}, lang)}
        </p>
        {sent ? (
          <div data-sent-count={sentCount}>
            <p>
              {t(
                sentCount === 1 ? 'analyzer.sent-loaded.one' : 'analyzer.sent-loaded',
                { count: sentCount },
                lang,
              )}
            </p>
            <ul class="bsg-sent-files">
              {sent.files.map((name, index) => (
                <li key={`${name}-${index}`}>
                  <bdi>{name}</bdi>
                </li>
              ))}
            </ul>
            <button
              type="button"
              class="bg-button"
              data-action="remove-sent"
              onClick={() => setSent(undefined)}
            >
              {t('analyzer.remove-sent', {}, lang)}
            </button>
          </div>
        ) : (
          <p>{t('analyzer.loaded.no-sent', {}, lang)}</p>
        )}
      </section>
      <div
        class={`bsg-drop${dragging ? ' bsg-drop--over' : ''}`}
        data-drop
        onDragOver={event => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={event => {
          event.preventDefault();
          setDragging(false);
          void analyseFiles(event.dataTransfer?.files);
        }}
      >
        <p>{t('analyzer.drop', {}, lang)}</p>
        <label class="bg-button">
          {t('analyzer.pick', {}, lang)}
          <input
            type="file"
            name="files"
            accept=".eml,message/rfc822"
            multiple
            class="bsg-visually-hidden"
            onChange={event => {
              void analyseFiles(event.currentTarget.files);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      <div class="bsg-samples">
        <p>{t('analyzer.samples', { owner: SAMPLE_OWNER }, lang)}</p>
        {SAMPLES.map(sample => (
          <button
            key={sample.file}
            type="button"
            class="bg-button"
            data-sample={sample.file}
            onClick={() => void trySample(sample)}
          >
            {sample.label}
          </button>
        ))}
      </div>
      {rows.length > 0 ? (
        <button type="button" class="bg-button" data-action="clear-results" onClick={() => setRows([])}>
          {t('analyzer.clear', {}, lang)}
        </button>
      ) : null}
      <ol class="bsg-files">
        {rows.map(row => (
          <li
            key={row.id}
            class="bsg-file"
            data-file={row.name}
            data-sample-row={row.sample ? 'yes' : 'no'}
            data-done={row.assessment || row.error ? 'yes' : 'no'}
          >
            <h2>
              <bdi>{t('analyzer.file', { name: row.name, size: row.size }, lang)}</bdi>
            </h2>
            {row.sample ? (
              <p class="bsg-note">{t('analyzer.sample-context', { owner: SAMPLE_OWNER }, lang)}</p>
            ) : null}
            {row.assessment ? <AssessmentView assessment={row.assessment} lang={lang} /> : null}
            {row.error !== undefined ? (
              <p class="bsg-error" role="alert">
                {t('analyzer.failed', { name: row.name }, lang)}
              </p>
            ) : null}
            <button
              type="button"
              class="bg-button"
              data-action="remove-row"
              onClick={() => setRows(current => current.filter(existing => existing.id !== row.id))}
            >
              {t('analyzer.remove', {}, lang)}
            </button>
          </li>
        ))}
      </ol>
    </main>
  );
}
