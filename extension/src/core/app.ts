// Builds the background's object graph from a messenger and an engine. Kept apart from
// background.ts so the unit tests build exactly the same graph around a fake messenger.
import type { Messenger } from '../thunderbird/api';
import { Sweeper } from '../sweep/sweeper';
import { AutoScanner } from './auto-scan';
import { Checker } from './checker';
import type { Engine } from './engine';
import { AutomatedHistory } from './history';
import { MemoStorage } from './memo-storage';
import { ProfileCache } from './profile';
import { Service } from './service';
import { Store } from './settings';

export interface App {
  store: Store;
  checker: Checker;
  service: Service;
  scanner: AutoScanner;
  sweeper: Sweeper;
}

export function createApp(api: Messenger, engine: Engine, clock: () => number = Date.now): App {
  const store = new Store(new MemoStorage(api.storage.local));
  const profiles = engine.verdict
    ? new ProfileCache(api, engine.verdict, engine.summarizeHeaders, store, clock)
    : undefined;
  const checker = new Checker(api, engine, store, profiles, new AutomatedHistory(), clock);
  const t = (key: string, substitutions?: string[]) => api.i18n.getMessage(key, substitutions) || key;
  const sweeper = new Sweeper(api, checker, clock);
  const service = new Service(api, checker, store, t, clock, undefined, sweeper);
  const scanner = new AutoScanner(api, checker, store, () => t('tagLabel'), clock);
  return { store, checker, service, scanner, sweeper };
}
