// The verdict in the CLI (issue 3 §4): --me and --sent feed learnProfile() and the Sent-folder lookups
// (the engine's SentIndex: ids, and messages by recipient and date for notices without an id), then
// decide() runs on each analysis. Lookups are `unavailable` unless a Sent folder with at least one
// readable message was given: an empty or unreadable Sent folder proves nothing (the Thunderbird spike in
// ../shared/handbook/thunderbird-platform.md junked a real bounce exactly that way).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import {
  SentIndex,
  analyze,
  decide,
  learnFromConfirmed,
  unavailableLookups,
  withConfirmed,
  type ConfirmedRoutes,
  learnProfileFromSummaries,
  summarizeHeaders,
  type Analysis,
  type Decision,
  type ExplanationItem,
  type Lookups,
  type OriginalMessage,
} from '../../shared/src/index';
import { format, formatEvidence, hasString, pickLang, type Lang } from '../../shared/i18n/index';
import type { ScanOptions } from './args';
import { planInputs, readMessages } from './inputs';
import type { MakeScanner, Scanner, Terminal } from './scan';

/** What the shell answers for each lookup analyze() asked for: the engine's Sent index; no folder, `unavailable`. */
export function lookupsFor(analysis: Analysis, sent: SentIndex | undefined): Lookups {
  return sent === undefined ? unavailableLookups(analysis.lookups) : sent.answer(analysis.lookups);
}

/** Newest first (learnProfile samples the first N), undated last, otherwise in reading order. */
export function newestFirst(summaries: OriginalMessage[]): OriginalMessage[] {
  const time = (s: OriginalMessage): number => {
    const t = s.date === undefined ? NaN : Date.parse(s.date);
    return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
  };
  return summaries
    .map((s, i) => ({ s, i, t: time(s) }))
    .sort((a, b) => b.t - a.t || a.i - b.i)
    .map(x => x.s);
}

/** Explanation item → one sentence plus what to do. */
export function explanationText(item: ExplanationItem, lang: Lang = 'en'): string {
  const text = format(item.key, item.params, lang);
  const action = `${item.key}.action`;
  return hasString(action) ? `${text} ${format(action, item.params, lang)}` : text;
}

/** The table's one-line reason: for a real bounce, what failed; otherwise the strongest evidence. */
export function whyText(decision: Decision, _analysis: Analysis, lang: Lang = 'en'): string {
  const first = decision.explanation[0];
  if (decision.verdict === 'legitimate' && first !== undefined) {
    return format(first.key, first.params, lang);
  }
  const top = decision.evidence.find(e => e.direction !== 'neutral') ?? decision.evidence[0];
  return top === undefined ? '' : formatEvidence(top, lang);
}

/** The language for texts: --lang, else the POSIX locale variables in their order of precedence. */
export function languageOf(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Lang {
  return pickLang(
    [option, env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find(v => v !== undefined && v !== ''),
  );
}

async function readSentFolders(paths: readonly string[], terminal: Terminal): Promise<OriginalMessage[]> {
  const summaries: OriginalMessage[] = [];
  for (const input of await planInputs(paths)) {
    for await (const message of readMessages(input, terminal.readStdin)) {
      if (message.error !== undefined) {
        terminal.stderr(`backscatter-guard: --sent ${message.source}: ${message.error} (skipped)\n`);
      } else {
        summaries.push(summarizeHeaders(message.bytes));
      }
    }
  }
  return summaries;
}

/**
 * --profile-cache: what confirmed bounces taught, kept between scans (issue 9 §5). A missing file is a
 * first run; an unreadable one is reported and ignored (the engine checks the record field by field).
 */
export function readProfileCache(file: string, terminal: Terminal): ConfirmedRoutes | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      terminal.stderr(`backscatter-guard: --profile-cache ${file}: ${(error as Error).message} (ignored)\n`);
    }
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as { confirmed?: ConfirmedRoutes };
    return parsed.confirmed;
  } catch {
    terminal.stderr(`backscatter-guard: --profile-cache ${file}: not JSON (ignored)\n`);
    return undefined;
  }
}

function writeProfileCache(file: string, confirmed: ConfirmedRoutes | undefined, terminal: Terminal): void {
  try {
    // Written aside and renamed, so an interrupted scan never leaves half a file.
    writeFileSync(`${file}.tmp`, `${JSON.stringify({ version: 1, confirmed }, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
  } catch (error) {
    terminal.stderr(`backscatter-guard: --profile-cache ${file}: ${(error as Error).message}\n`);
  }
}

/** Analysis only, or analysis + verdict when --me or --sent is given. */
export const makeScanner: MakeScanner = async (
  options: ScanOptions,
  terminal: Terminal,
): Promise<Scanner> => {
  if (
    options.me.length === 0 &&
    options.sent.length === 0 &&
    options.relays.length === 0 &&
    options.profileCache === undefined
  ) {
    return { analyze };
  }
  const summaries = options.sent.length > 0 ? newestFirst(await readSentFolders(options.sent, terminal)) : [];
  if (options.sent.length > 0 && summaries.length === 0) {
    terminal.stderr('backscatter-guard: no readable message in --sent; Sent lookups are "unavailable"\n');
  }
  const sent = summaries.length > 0 ? new SentIndex(summaries) : undefined;
  const cache = options.profileCache;
  const profile = withConfirmed(
    learnProfileFromSummaries(summaries, options.me, { relays: options.relays }),
    cache === undefined ? undefined : readProfileCache(cache, terminal),
  );
  // This scan decides with what earlier scans taught; what it confirms is kept for the next one, so
  // its own verdicts do not depend on the order of the files.
  let learning = profile;
  const lang = languageOf(options.lang, terminal.env);
  return {
    analyze,
    decide: (analysis, history) => {
      const lookups = lookupsFor(analysis, sent);
      if (cache !== undefined) {
        const next = learnFromConfirmed(learning, analysis, lookups);
        if (next !== learning) {
          learning = next;
          writeProfileCache(cache, next.confirmed, terminal);
        }
      }
      return decide(analysis, profile, lookups, history);
    },
    explain: item => explanationText(item, lang),
    why: (decision, analysis) => whyText(decision, analysis, lang),
  };
};
