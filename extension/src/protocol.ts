// The typed messages between the extension's pages/banner and the background, and their answers.
// Every privileged call stays in the background; the banner and pages only render and ask.
import type { Profile } from '../../shared/src/index';
import type { CheckResult } from './core/checker';
import type { Settings, Stats } from './core/settings';
import type { MoveRecord } from './thunderbird/junk';
import type { SweepRow, SweepStatus } from './sweep/sweeper';

export type MoveFailure =
  | 'no-junk-folder'
  | 'already-in-junk'
  | 'not-in-a-folder'
  | 'failed'
  | 'not-found'
  /** Undo moved the copy, but it did not leave Junk (an IMAP placeholder): not restored. */
  | 'unverified';

export interface DisplayedView {
  /** undefined when no single message is displayed (several selected, or none). */
  result: CheckResult | undefined;
  /**
   * A move made from this tab's banner or popup, offered for Undo on the message Thunderbird shows
   * in its place (and only there, for a few minutes).
   */
  lastMove: MoveRecord | undefined;
}

export interface MoveReport {
  moved: MoveRecord[];
  failed: { messageId: number; reason: MoveFailure }[];
}

export interface UndoReport {
  restored: string[];
  failed: { headerMessageId: string; reason: MoveFailure }[];
}

/** Undo by move id (`undo-moves`): every record is reported, restored or failed with its reason. */
export interface UndoMovesReport {
  restored: MoveRecord[];
  failed: { moveId: string; headerMessageId: string; subject: string; reason: MoveFailure }[];
}

export interface MoveHistory {
  /** Newest first. */
  moves: MoveRecord[];
}

export interface OptionsView {
  settings: Settings;
  profile: Profile | undefined;
  profileLearnedAt: number | undefined;
  stats: Stats;
}

/** request type → [request fields, response]. */
export interface ProtocolMap {
  'check-displayed': [{ tabId?: number }, DisplayedView];
  'check-message': [{ messageId: number }, CheckResult];
  'move-to-junk': [{ messageIds: number[] }, MoveReport];
  /** Undoes the newest move still in Junk of each Message-ID (kept for callers without move ids). */
  'undo-move': [{ headerMessageIds: string[] }, UndoReport];
  /** Undoes exactly these moves (MoveRecord.moveId from a MoveReport or the history). */
  'undo-moves': [{ moveIds: string[] }, UndoMovesReport];
  'move-history': [Record<never, never>, MoveHistory];
  /** tabId: the tab whose header button should change at once (pages other than the banner). */
  'not-backscatter': [{ messageId: number; tabId?: number }, CheckResult];
  /** Folder sweep: start a job, poll it for rows from index `from` on, stop it (rows are kept). */
  'sweep-start': [{ folderId?: string }, SweepStatus];
  'sweep-poll': [{ sweepId: string; from: number }, SweepStatus | undefined];
  'sweep-stop': [{ sweepId: string; from: number }, SweepStatus | undefined];
  /** After Undo: the restored messages (new ids) checked again, for the sweep list. */
  'sweep-recheck': [{ folderId: string; headerMessageIds: string[] }, SweepRow[]];
  'get-options': [Record<never, never>, OptionsView];
  'save-settings': [{ settings: Settings }, OptionsView];
  'reset-profile': [Record<never, never>, OptionsView];
}

export type RequestType = keyof ProtocolMap;
export type Request<T extends RequestType = RequestType> = T extends RequestType
  ? { type: T } & ProtocolMap[T][0]
  : never;
export type Response<T extends RequestType> = ProtocolMap[T][1];

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const isIntList = (value: unknown): value is number[] => Array.isArray(value) && value.every(isInt);
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every(item => typeof item === 'string');

/** Structural guard: anything that is not one of our requests is left to other listeners. */
export function isRequest(message: unknown): message is Request {
  if (typeof message !== 'object' || message === null) {
    return false;
  }
  const m = message as Record<string, unknown>;
  switch (m['type']) {
    case 'check-displayed':
      return m['tabId'] === undefined || isInt(m['tabId']);
    case 'check-message':
      return isInt(m['messageId']);
    case 'not-backscatter':
      return isInt(m['messageId']) && (m['tabId'] === undefined || isInt(m['tabId']));
    case 'move-to-junk':
      return isIntList(m['messageIds']);
    case 'undo-move':
      return isStringList(m['headerMessageIds']);
    case 'undo-moves':
      return isStringList(m['moveIds']);
    case 'sweep-start':
      return m['folderId'] === undefined || typeof m['folderId'] === 'string';
    case 'sweep-poll':
    case 'sweep-stop':
      return typeof m['sweepId'] === 'string' && isInt(m['from']);
    case 'sweep-recheck':
      return typeof m['folderId'] === 'string' && isStringList(m['headerMessageIds']);
    case 'move-history':
    case 'get-options':
    case 'reset-profile':
      return true;
    case 'save-settings':
      return typeof m['settings'] === 'object' && m['settings'] !== null;
    default:
      return false;
  }
}

/** Sends a request from a page or the banner; the answer is typed by the request type. */
export async function ask<T extends RequestType>(
  send: (message: unknown) => Promise<unknown>,
  request: Request<T>,
): Promise<Response<T>> {
  return (await send(request)) as Response<T>;
}
