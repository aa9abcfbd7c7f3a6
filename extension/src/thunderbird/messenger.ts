// The one place the global `messenger` object is read. Thunderbird's MV3 APIs are promise based
// on `messenger.*`, so webextension-polyfill is a pass-through here (it returns globalThis.browser
// when browser.runtime.id exists) and is not bundled. The cast is the boundary between the
// MV2-shaped @types package and our MV3 typings (api.ts).
import type { Messenger } from './api';

export function realMessenger(): Messenger {
  return (globalThis as unknown as { messenger: Messenger }).messenger;
}
