// The learned state in the add-in's roaming settings (Office.context.roamingSettings, Mailbox 1.1):
// loaded once at start, changed in memory, saved after each lesson. A failed save (offline, the 32 KB
// limit) keeps the lesson for this session and says nothing to the user: it costs accuracy, not data.
import type { OriginalMessage } from '../../../shared/src/index';
import { fitToBudget, learnFrom, parseLearned, SETTING_NAME, type LearnedState } from './learned';

/** The part of Office.RoamingSettings the store uses (a seam for tests). */
export interface SettingsPort {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  save(): Promise<void>;
}

export interface LearnedStore {
  state(): LearnedState;
  /** Learns from one of the user's own messages and saves; resolves once saved (or the save failed). */
  learn(message: OriginalMessage, addresses: readonly string[]): Promise<void>;
}

export function createLearnedStore(settings: SettingsPort | undefined): LearnedStore {
  let state = parseLearned(settings?.get(SETTING_NAME));
  let saving: Promise<void> = Promise.resolve();
  return {
    state: () => state,
    learn(message, addresses) {
      state = fitToBudget(learnFrom(state, message, addresses));
      if (!settings) {
        return Promise.resolve();
      }
      const snapshot = state;
      // One save at a time, in order: saveAsync writes the whole settings object.
      saving = saving.then(async () => {
        try {
          settings.set(SETTING_NAME, snapshot);
          await settings.save();
        } catch {
          // Kept in memory for this session.
        }
      });
      return saving;
    },
  };
}
