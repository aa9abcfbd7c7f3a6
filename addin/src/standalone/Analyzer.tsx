// The page opened in a plain browser, where Office never becomes ready: a standalone analyzer.
// Files are read locally (File.arrayBuffer) and never uploaded; bundled samples come from ./samples/.
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
  /** Builds the assessment for the addresses typed in (the user's own) and their sent mail, if given. */
  assessFor: (addresses: readonly string[], sent: SentIndex | undefined) => AssessFn;
  fetchSample?: (file: string) => Promise<Uint8Array>;
}

interface Row {
  id: number;
  name: string;
  size: number;
  assessment?: Assessment;
  error?: string;
}

const defaultFetchSample = async (file: string) => {
  const response = await fetch(`./samples/${encodeURIComponent(file)}`);
  if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}`);
  }
  return new Uint8Array(await response.arrayBuffer());
};

let nextId = 1;

export function Analyzer({ lang, assessFor, fetchSample = defaultFetchSample }: AnalyzerProps) {
  const [addresses, setAddresses] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [dragging, setDragging] = useState(false);
  const [sent, setSent] = useState<SentIndex | undefined>(undefined);
  const [sentNames, setSentNames] = useState<string[]>([]);

  const list = (value: string) => value.split(/[\s,;]+/).filter(a => a.includes('@'));

  const analyseOne = async (
    name: string,
    load: () => Promise<Uint8Array>,
    owner = addresses,
    sentIndex: SentIndex | undefined = sent,
  ) => {
    const id = nextId++;
    setRows(current => [{ id, name, size: 0 }, ...current]);
    let row: Row;
    try {
      const bytes = await load();
      row = { id, name, size: bytes.length, assessment: await assessFor(list(owner), sentIndex)(bytes) };
    } catch (error) {
      row = { id, name, size: 0, error: error instanceof Error ? error.message : String(error) };
    }
    setRows(current => current.map(existing => (existing.id === id ? row : existing)));
  };

  const analyseFiles = async (files: FileList | null | undefined) => {
    for (const file of Array.from(files ?? [])) {
      await analyseOne(file.name, async () => new Uint8Array(await file.arrayBuffer()));
    }
  };

  const loadSent = async (files: FileList | null | undefined) => {
    const list = Array.from(files ?? []);
    const bytes = await Promise.all(list.map(async file => new Uint8Array(await file.arrayBuffer())));
    setSent(indexSent(bytes));
    setSentNames(list.map(file => file.name));
  };

  const trySample = async (sample: Sample) => {
    // The samples are about alice@example.org and her Sent folder; use those unless the user gave their own.
    const owner = addresses.trim() === '' ? SAMPLE_OWNER : addresses;
    setAddresses(owner);
    let sentIndex = sent;
    if (sentIndex === undefined && owner === SAMPLE_OWNER) {
      try {
        sentIndex = indexSent([await fetchSample(SAMPLE_SENT)]);
        setSent(sentIndex);
        setSentNames([SAMPLE_SENT]);
      } catch {
        sentIndex = undefined;
      }
    }
    await analyseOne(sample.file, () => fetchSample(sample.file), owner, sentIndex);
  };

  return (
    <main class="bsg-analyzer">
      <h1>{t('analyzer.title', {}, lang)}</h1>
      <p class="bsg-note">{t('analyzer.intro', {}, lang)}</p>
      <label class="bsg-row">
        {t('analyzer.addresses', {}, lang)}{' '}
        <input
          type="text"
          name="addresses"
          value={addresses}
          placeholder="you@example.org"
          onInput={event => setAddresses(event.currentTarget.value)}
        />
      </label>
      <label class="bsg-row">
        {t('analyzer.sent', {}, lang)}{' '}
        <input
          type="file"
          name="sent"
          accept=".mbox,.eml,application/mbox,message/rfc822"
          multiple
          onChange={event => void loadSent(event.currentTarget.files)}
        />
      </label>
      {sent ? (
        <p class="bsg-note" data-sent-count={sent.summaries.length}>
          {t('analyzer.sent-loaded', { count: sent.summaries.length, files: sentNames }, lang)}
        </p>
      ) : null}
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
        <p>{t('analyzer.samples', {}, lang)}</p>
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
      <ol class="bsg-files">
        {rows.map(row => (
          <li
            key={row.id}
            class="bsg-file"
            data-file={row.name}
            data-done={row.assessment || row.error ? 'yes' : 'no'}
          >
            <h2>{t('analyzer.file', { name: row.name, size: row.size }, lang)}</h2>
            {row.assessment ? <AssessmentView assessment={row.assessment} lang={lang} /> : null}
            {row.error !== undefined ? (
              <p class="bsg-error" role="alert">
                {t('analyzer.failed', { name: row.name, message: row.error }, lang)}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </main>
  );
}
