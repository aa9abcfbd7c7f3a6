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
import { messageProperties, outlookView, type FakeMessage, type FakeNotification } from '../fake-office';

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
// Error codes office.js maps to names (getErrorArgs): 9002 internal error, 3 too many notifications.
const INTERNAL_ERROR = 9002;

export function installNativeHost(options: NativeHostOptions) {
  const notifications = new Map<string, FakeNotification[]>();
  const calls: string[] = [];
  const roaming: { saved: string | undefined } = { saved: undefined };
  const handlers: EventHandler[] = [];
  let settings: Record<string, string> =
    options.roaming === undefined ? {} : { SettingsKey: options.roaming };
  let current: FakeMessage | null = options.item;
  // Outlook numbers every selection; office.js sends the number back with each call and treats an
  // answer about an older item as "the item changed" (error 9030).
  let itemNumber = 1;
  const locale = options.displayLanguage ?? 'en-US';

  // The mailbox's part of the initial data: there even when no item is selected at start (office.js
  // builds Office.context.mailbox.userProfile from it once, createMailboxSurface).
  const mailboxData = () => ({
    userDisplayName: 'Test User',
    userEmailAddress: options.userAddress,
    userProfileType: 'enterprise',
    hostVersion: '16.0.19127.20000',
    owaView: 'TwoColumns',
    // ReadWriteMailbox, as manifest.xml asks for.
    permissionLevel: 2,
    isRestIdSupported: true,
    ewsUrl: 'https://outlook.office365.com/EWS/Exchange.asmx',
    restUrl: 'https://outlook.office.com/api',
  });
  const initialData = (message: FakeMessage | null) => {
    if (!message) {
      return null;
    }
    const view = outlookView(message.eml);
    const properties = messageProperties(message.eml);
    // office.js's wire form of an address: {address, name} (createEmailAddressDetails).
    const wire = (details: Office.EmailAddressDetails) => ({
      address: details.emailAddress,
      name: details.displayName,
    });
    const from = properties.from ? wire(properties.from) : undefined;
    const date = properties.date?.getTime() ?? Date.now();
    return {
      itemType: 1, // HostItemType.Message
      id: message.itemId,
      subject: message.subject,
      normalizedSubject: message.subject,
      internetMessageId: properties.internetMessageId,
      itemClass: 'IPM.Note',
      from,
      sender: from,
      to: properties.to.map(wire),
      cc: properties.cc.map(wire),
      dateTimeCreated: date,
      dateTimeModified: date,
      attachments: (message.attachments ?? view.attachments).map(attachment => ({
        id: attachment.id,
        name: attachment.name,
        contentType: attachment.contentType,
        size: attachment.content.length,
        attachmentType:
          attachment.attachmentType === 'item' ? 1 : attachment.attachmentType === 'cloud' ? 2 : 0,
        isInline: false,
      })),
      ...mailboxData(),
      itemNumber,
    };
  };

  const notificationsOf = (itemId: string) => {
    let entries = notifications.get(itemId);
    if (!entries) {
      entries = [];
      notifications.set(itemId, entries);
    }
    return entries;
  };
  const TYPES = ['informationalMessage', 'progressIndicator', 'errorMessage', 'insightMessage'];

  /**
   * One mailbox call: `{data}` on success, an error code otherwise; `raw` is sent as it is (the initial
   * data is the dictionary itself, OutlookAppOm.onInitialDataResponse).
   */
  const answer = (dispId: number, params: unknown[]): { data?: unknown; code?: number; raw?: unknown } => {
    const message = current;
    const view = message ? outlookView(message.eml) : undefined;
    switch (dispId) {
      case 1:
        calls.push('initialData');
        return { raw: initialData(message) ?? mailboxData() };
      case 37:
        calls.push(`body.getAsync:${params[0] === 0 ? 'text' : 'html'}`);
        return view ? { data: view.body } : { code: INTERNAL_ERROR };
      case 168:
        calls.push('getAllInternetHeadersAsync');
        // Sent Items hold the message as written: no transport headers (office-js#4773).
        return view ? { data: message?.folder === 'sent' ? '' : view.headers } : { code: INTERNAL_ERROR };
      case 150: {
        calls.push('getAttachmentContentAsync');
        const id = JSON.parse(String(params.at(-1) ?? '{}')) as { id?: string };
        const attachment = (message?.attachments ?? view?.attachments ?? []).find(a => a.id === id.id);
        return attachment
          ? { data: { format: attachment.format, content: attachment.content } }
          : { code: INTERNAL_ERROR };
      }
      case 33:
      case 35: {
        calls.push(dispId === 33 ? 'notificationMessages.addAsync' : 'notificationMessages.replaceAsync');
        const [key, type, persistent, text, icon] = params as [string, number, boolean, string, string];
        const entries = notificationsOf(message?.itemId ?? '');
        const entry: FakeNotification = {
          key,
          type: TYPES[type] ?? String(type),
          message: text,
          icon,
          persistent,
        };
        const at = entries.findIndex(existing => existing.key === key);
        if (at < 0 && entries.length >= 5) {
          return { code: 3 };
        }
        if (at >= 0) {
          entries[at] = entry;
        } else {
          entries.push(entry);
        }
        return { data: null };
      }
      case 36: {
        calls.push('notificationMessages.removeAsync');
        const entries = notificationsOf(message?.itemId ?? '');
        const at = entries.findIndex(existing => existing.key === params[0]);
        if (at >= 0) {
          entries.splice(at, 1);
        }
        return { data: null };
      }
      case 8:
        calls.push(`displayMessageForm:${String(params[0])}`);
        return { data: null };
      default:
        calls.push(`unanswered:${dispId}`);
        return { code: INTERNAL_ERROR };
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
    notifications,
    roaming,
    calls,
    actions: new Map<string, unknown>(),
    selectItem(message: FakeMessage | null) {
      current = message;
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
