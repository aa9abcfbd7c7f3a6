// One check of the item in front of the user: host state → read → assess → reading-pane banner.
// Run on open and on every ItemChanged; the pane keeps only the newest run's result.
import type { Lang } from '../../../shared/i18n/index';
import { summarizeHeaders, type EvidenceParams } from '../../../shared/src/index';
import { currentItem, MAILBOX_READ_FALLBACK, mailboxSupports, restIdOf } from '../office/host';
import { clearVerdictNotification, showVerdictNotification } from '../office/notify';
import { readMessage, type ReadSource } from '../office/read-message';
import type { Assessment, AssessFn } from '../verdict/assess';
import { notificationText } from '../verdict/notification-text';
import { isOwnSentItem } from '../profile/own-sent';
import type { LearnedStore } from '../profile/store';

/** One line about what the check could not use (or used), as a strings key with params. */
export interface Notice {
  key: string;
  params?: EvidenceParams;
}

export type PaneState =
  | { kind: 'loading' }
  | { kind: 'no-item' }
  | { kind: 'compose' }
  | { kind: 'not-message' }
  | { kind: 'unsupported'; need: string }
  | {
      kind: 'result';
      itemId: string;
      /** The Graph id (convertToRestId), for Move to Junk. */
      restId: string | undefined;
      subject: string;
      assessment: Assessment;
      source: ReadSource;
      /** The banner that was set, or undefined when none was needed. */
      notification: string | undefined;
      notificationError: string | undefined;
      elapsedMs: number;
      /** True when the message was one the user sent, and the pane learned from it. */
      learned: boolean;
      notices: Notice[];
    }
  | { kind: 'error'; message: string };

export interface CheckDeps {
  assess: AssessFn;
  lang: Lang;
  now?: () => number;
  /** Where lessons from the user's own sent messages go (no Graph needed). */
  store?: LearnedStore;
  /** The user's addresses, to recognise their own sent messages. */
  addresses?: () => readonly string[];
  /** What this check could not use, given its result. */
  notices?: (assessment: Assessment) => Notice[];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function checkCurrentItem({
  assess,
  lang,
  now = () => performance.now(),
  store,
  addresses,
  notices,
}: CheckDeps): Promise<PaneState> {
  const started = now();
  const current = currentItem();
  if (current.kind === 'none') {
    return { kind: 'no-item' };
  }
  if (current.kind === 'compose') {
    return { kind: 'compose' };
  }
  if (current.kind === 'not-message') {
    return { kind: 'not-message' };
  }
  if (!mailboxSupports(MAILBOX_READ_FALLBACK)) {
    return { kind: 'unsupported', need: MAILBOX_READ_FALLBACK };
  }
  const { item } = current;
  try {
    const { bytes, source } = await readMessage(item);
    const assessment = await assess(bytes);
    let learned = false;
    if (store && addresses && (await isOwnSentItem(item, assessment.analysis, addresses()))) {
      await store.learn(summarizeHeaders(bytes), addresses());
      learned = true;
    }
    const text = notificationText(assessment, lang);
    let notificationError: string | undefined;
    try {
      if (text !== undefined) {
        await showVerdictNotification(item, text);
      } else {
        await clearVerdictNotification(item).catch(() => undefined);
      }
    } catch (error) {
      // The banner is a courtesy; the verdict still shows in the pane.
      notificationError = describe(error);
    }
    let restId: string | undefined;
    try {
      restId = restIdOf(item);
    } catch {
      restId = undefined;
    }
    return {
      kind: 'result',
      itemId: item.itemId,
      restId,
      subject: item.subject,
      assessment,
      source,
      notification: text,
      notificationError,
      elapsedMs: Math.round(now() - started),
      learned,
      notices: learned ? [] : (notices?.(assessment) ?? []),
    };
  } catch (error) {
    return { kind: 'error', message: describe(error) };
  }
}

/** Drops results of runs that a newer ItemChanged overtook. */
export function latestOnly<T>(run: () => Promise<T>, apply: (value: T) => void): () => Promise<void> {
  let generation = 0;
  return async () => {
    const mine = ++generation;
    const value = await run();
    if (mine === generation) {
      apply(value);
    }
  };
}
