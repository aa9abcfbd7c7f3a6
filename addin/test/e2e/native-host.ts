// The fake Outlook on Windows below Microsoft's own office.js (@microsoft/office-js), for the browser
// tests. Outlook on Windows hosts a task pane in a WebView and gives it `window.external`; office.js
// reads everything through that object. What this file answers, and where office.js asks for it
// (names as in node_modules/@microsoft/office-js/dist/*.debug.js, version 1.1.110):
// - GetHostInfo(): "Outlook|Win32|16.02|<locale>|…" → office.debug.js _retrieveHostInfo loads
//   outlook-win32-16.02.js from the same folder as office.js;
// - GetContext(): the app context (GetAppType 8 = Outlook, GetSupportedMatrix = the requirement sets,
//   GetAppUILocale = Office.context.displayLanguage, GetSettings = roaming settings under the key
//   "SettingsKey") → outlook-win32-16.02.debug.js InitializationHelper.getAppContext;
// - Execute(dispId, params, callback): every mailbox call. The callback gets an object whose toArray()
//   is [JSON of {data} or {error}, error code, JSON of {itemNumber}] (callOutlookNativeDispatcher,
//   createDeserializedData). Dispatch ids used by the pane: 1 initial data (the item's properties and
//   the user's, as the dictionary itself),
//   37 body.getAsync, 150 getAttachmentContentAsync, 168 getAllInternetHeadersAsync, 33/35/36
//   notificationMessages add/replace/remove, 8 displayMessageForm;
// - RegisterEvent(46, …): ItemChanged (dispidOlkItemSelectedChangedEvent); the handler gets
//   (46, payload) with payload.toArray() = [initial data JSON or "", itemNumber JSON]
//   (OlkItemSelectedChangedEventArgs).
// It keeps the same record as the fake Office (window.__fakeHost: notifications, roaming, calls,
// selectItem), so the browser tests assert the same things over both.
import type { FakeMessage } from '../fake-office';
import { createMailbox, type Answer } from './outlook-mailbox';

export interface NativeHostOptions {
  /** Highest Mailbox requirement set this Outlook reports, e.g. '1.14'. */
  mailbox: string;
  userAddress: string;
  displayLanguage?: string;
  item: FakeMessage | null;
  /** Roaming settings as an earlier session saved them (the SettingsKey text), as Exchange keeps them. */
  roaming?: string;
}

type SafeArray = { toArray(): unknown[] };
type ExecuteCallback = (result: SafeArray, status: number) => void;
type EventHandler = (dispId: number, payload: SafeArray) => void;

const safeArray = (values: unknown[]): SafeArray => ({ toArray: () => values });
const DISPID_ITEM_CHANGED = 46;
const DISPID_APP_COMMAND = 39;

export function installNativeHost(options: NativeHostOptions) {
  const mailbox = createMailbox(options);
  const { calls, roaming } = mailbox.record;
  const handlers: EventHandler[] = [];
  let settings: Record<string, string> =
    options.roaming === undefined ? {} : { SettingsKey: options.roaming };
  // Outlook numbers every selection; office.js sends the number back with each call and treats an
  // answer about an older item as "the item changed" (error 9030).
  let itemNumber = 1;
  const locale = options.displayLanguage ?? 'en-US';
  const initialData = (message: FakeMessage | null) => {
    const data = mailbox.initialData(message);
    return data && { ...data, itemNumber };
  };

  /**
   * One Execute: `{data}` or an error code; `raw` is sent as it is (the initial data is the dictionary
   * itself, OutlookAppOm.onInitialDataResponse). The arguments arrive as an array in the order
   * convertToOutlookNativeParameters puts them, the rest as JSON at its end.
   */
  const answer = (dispId: number, params: unknown[]): Answer & { raw?: unknown } => {
    switch (dispId) {
      case 1:
        calls.push('initialData');
        return { raw: initialData(mailbox.current()) ?? mailbox.mailboxData() };
      case 37:
        return mailbox.call(dispId, { coercionType: params[0] });
      case 150:
        return mailbox.call(dispId, JSON.parse(String(params.at(-1) ?? '{}')) as { id?: string });
      case 33:
      case 35: {
        const [key, type, persistent, message, icon] = params;
        return mailbox.call(dispId, { key, type, persistent, message, icon });
      }
      case 36:
        return mailbox.call(dispId, { key: params[0] });
      case 8:
        return mailbox.call(dispId, { itemId: params[0] });
      default:
        return mailbox.call(dispId, {});
    }
  };

  const context = {
    GetAppType: () => 8, // OSF.AppName.Outlook
    GetSolutionRef: () => 'b5c1e6a2-0f3d-4c8e-9a7b-2d4e6f8a0c1e',
    GetAppVersionMajor: () => 16,
    GetAppVersionMinor: () => 0,
    GetAppUILocale: () => locale,
    GetAppDataLocale: () => locale,
    GetDocUrl: () => '',
    GetAppCapabilities: () => 0, // OSF.ClientMode.ReadWrite
    GetActivationMode: () => 0,
    GetControlIntegrationLevel: () => 0,
    GetSolutionToken: () => '',
    GetCorrelationId: () => '00000000-0000-4000-8000-00000000c0de',
    GetInstanceId: () => '00000000-0000-4000-8000-00000000beef',
    GetTouchEnabled: () => false,
    GetCommerceAllowed: () => false,
    GetSupportedMatrix: () => JSON.stringify({ Mailbox: options.mailbox }),
    GetHostFullVersion: () => '16.0.19127.20000',
    GetSettings: () => ({
      Read(keys: string[], values: string[]) {
        for (const [key, value] of Object.entries(settings)) {
          keys.push(key);
          values.push(value);
        }
      },
      Write(keys: string[], values: string[]) {
        const next: Record<string, string> = {};
        keys.forEach((key, at) => (next[key] = values[at]!));
        const text = next['SettingsKey'] ?? '';
        if (text.length > 32 * 1024) {
          throw new Error('SettingsSizeExceeded');
        }
        settings = next;
        roaming.saved = text;
        calls.push('settings.write');
      },
    }),
  };

  const external = {
    GetHostInfo: () => `Outlook|Win32|16.02|${locale}|telemetry||disableLogging|0`,
    GetLoggingAllowed: () => false,
    GetContext: () => context,
    Execute(dispId: number, params: unknown[] | null, callback: ExecuteCallback) {
      const result = answer(dispId, params ?? []);
      const extra = JSON.stringify({ itemNumber });
      const values =
        result.code === undefined
          ? [JSON.stringify('raw' in result ? result.raw : { data: result.data }), 0, extra]
          : [JSON.stringify({ error: true }), result.code, JSON.stringify({ Diagnostics: null })];
      // Outlook answers on a later turn, never inside the call.
      setTimeout(() => callback(safeArray(values), 0), 1);
    },
    RegisterEvent(
      dispId: number,
      _targetId: unknown,
      handler: EventHandler,
      callback: (status: unknown) => void,
    ) {
      calls.push(`RegisterEvent:${dispId}`);
      if (dispId === DISPID_ITEM_CHANGED) {
        handlers.push(handler);
        setTimeout(() => callback(safeArray([0])), 1);
      } else if (dispId === DISPID_APP_COMMAND) {
        // office.js subscribes to ribbon commands at start; this pane has none, so it never fires.
        setTimeout(() => callback(safeArray([0])), 1);
      } else {
        setTimeout(() => callback(safeArray([5001])), 1);
      }
    },
    UnregisterEvent(_dispId: number, _targetId: unknown, callback: (status: unknown) => void) {
      handlers.length = 0;
      setTimeout(() => callback(safeArray([0])), 1);
    },
  };

  const host = {
    ...mailbox.record,
    selectItem(message: FakeMessage | null) {
      mailbox.select(message);
      itemNumber += 1;
      const data = initialData(message);
      const payload = safeArray([data ? JSON.stringify(data) : '', JSON.stringify({ itemNumber })]);
      for (const handler of handlers) {
        handler(DISPID_ITEM_CHANGED, payload);
      }
    },
  };
  return { external, host };
}

const options = (window as unknown as { __bsgNativeHostOptions?: NativeHostOptions }).__bsgNativeHostOptions;
if (options) {
  const { external, host } = installNativeHost(options);
  // window.external is [Replaceable] (HTML §8.9), so a page may put its own object there, as the
  // WebView host does.
  (window as unknown as Record<string, unknown>)['external'] = external;
  (window as unknown as Record<string, unknown>)['__fakeHost'] = host;
}
