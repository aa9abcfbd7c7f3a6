// Background (MV3 event page): builds the app around the real messenger and engine, and registers
// every listener synchronously on each start (core/listeners.ts says why).
import { createApp } from './core/app';
import { sharedEngine } from './core/engine-shared';
import { registerListeners } from './core/listeners';
import { realMessenger } from './thunderbird/messenger';

const api = realMessenger();
void registerListeners(api, createApp(api, sharedEngine), (where, error) =>
  console.error(`backscatter-guard: ${where}`, error),
);
