// Undo at the pane's level: every move to Junk Email this add-in made (one message from the pane, a
// selection from the sweep) is listed in the persisted Undo store, so selecting another message or
// starting a new sweep never loses it. One click takes back the newest batch, each message to the
// folder it came from; failures stay listed and can be retried.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../../shared/i18n/index';
import { undoMove, type MoveRecord } from '../graph/moves';
import type { GraphPort } from '../graph/port';
import { lastBatch, type UndoStore } from '../graph/undo-store';
import { t } from '../strings';

export interface UndoBarProps {
  store: UndoStore;
  graph: GraphPort;
  lang: Lang;
}

export function UndoBar({ store, graph, lang }: UndoBarProps) {
  const [records, setRecords] = useState<MoveRecord[]>(store.list());
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | undefined>();
  useEffect(() => {
    setRecords(store.list());
    return store.subscribe(() => setRecords(store.list()));
  }, [store]);

  if (records.length === 0 && note === undefined) {
    return null;
  }
  const batch = lastBatch(records);

  const undo = async () => {
    setBusy(true);
    setNote(undefined);
    const done: Array<{ record: MoveRecord; id: string }> = [];
    let failed = 0;
    try {
      const { client } = await graph.connect();
      for (const record of batch) {
        try {
          done.push({ record, id: await undoMove(client, record) });
        } catch {
          failed += 1;
        }
      }
    } catch {
      failed = batch.length;
    } finally {
      store.restored(done);
      setNote(
        failed > 0 ? t('undo.failed', { count: failed }, lang) : t('undo.done', { count: done.length }, lang),
      );
      setBusy(false);
    }
  };

  return (
    <section class="bsg-undo" data-undo-count={records.length} role="status">
      {records.length > 0 ? (
        <p class="bsg-note">
          {t('undo.moved', { count: records.length }, lang)}{' '}
          <button
            type="button"
            class="bg-button"
            data-action="undo"
            disabled={busy || graph.availability !== 'available'}
            onClick={() => void undo()}
          >
            {t('undo.button', { count: batch.length }, lang)}
          </button>
        </p>
      ) : null}
      {note !== undefined ? (
        <p class="bsg-note" data-undo-note>
          {note}
        </p>
      ) : null}
    </section>
  );
}
