// The fake Outlook on the web above Microsoft's own office.js, for the browser tests. Outlook on the
// web (and new Outlook) runs the task pane in an iframe and talks to office.js by postMessage
// (cross-document messaging, "XDM"): JSON messages {_messageType 0 request / 1 response, _actionName,
// _conversationId, _correlationId, _data, …} (Microsoft.Office.Common.MessagePackager, ClientEndPoint,
// XdmCommunicationManager._receive in outlook-web-16.01.debug.js, @microsoft/office-js 1.1.110).
// The frame's URL carries `_host_Info=Outlook$Web$16.01$…` (which host file office.js loads) and
// `#&_xdm_Info=<conversation>$<control id>$<host page URL>` (whom it talks to). office.js trusts the
// parent only when it is https on a Microsoft domain or on the add-in's own host name
// (checkReceiverOriginAndRun); the test serves this page at https://127.0.0.1 through Playwright.
// Requests answered:
// - ContextActivationManager_getAppContextAsync: the app context (OutlookWebApp = 64, requirement sets,
//   UI locale, the serialized roaming settings);
// - ContextActivationManager_notifyHost: acknowledged;
// - GetInitialData: the item's and the user's properties (the same dictionary Outlook on Windows sends);
// - ExecuteMethod {ApiParams, MethodData: {DispatchId}}: 168 headers, 37 body, 150 attachment content,
//   33/35/36 notifications, 404 roaming settings save, 8 displayMessageForm, answered {data};
// - a registerEvent request for ItemChanged; the event is a response of type "for eventing" whose _data
//   is the next item's initial data ("" for none) (OlkItemSelectedChangedEventArgs).
// In the frame, window.__fakeHost is the parent's record (same origin), as the other hosts provide it.
import { messageProperties, outlookView, type FakeMessage, type FakeNotification } from '../fake-office';

export interface WebHostOptions {
  mailbox: string;
  userAddress: string;
  displayLanguage?: string;
  item: FakeMessage | null;
  /** The add-in page to load in the frame. */
  paneUrl: string;
  /** Roaming settings as an earlier session saved them (JSON of the serialized settings). */
  roaming?: string;
}

interface XdmMessage {
  _messageType: number;
  _actionName: string;
  _conversationId: string;
  _correlationId: number;
  _actionType?: number;
  _data?: unknown;
}

const REQUEST = 0;
const RESPONSE = 1;
const FOR_CALLING = 0;
const FOR_EVENTING = 1;
const INTERNAL_ERROR = 9002;
const TYPES = ['informationalMessage', 'progressIndicator', 'errorMessage', 'insightMessage'];

function installWebHost(options: WebHostOptions) {
  const notifications = new Map<string, FakeNotification[]>();
  const calls: string[] = [];
  const roaming: { saved: string | undefined } = { saved: undefined };
  let settings = (options.roaming === undefined ? {} : JSON.parse(options.roaming)) as Record<
    string,
    unknown
  >;
  let current: FakeMessage | null = options.item;
  let itemChangedEvent: string | undefined;
  const locale = options.displayLanguage ?? 'en-US';
  const conversation = 'bsg-conversation';
  const controlId = 'bsg-control';

  const mailboxData = () => ({
    userDisplayName: 'Test User',
    userEmailAddress: options.userAddress,
    userProfileType: 'office365',
    hostVersion: '16.0.19127.20000',
    owaView: 'TwoColumns',
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
    const wire = (details: Office.EmailAddressDetails) => ({
      address: details.emailAddress,
      name: details.displayName,
    });
    const date = properties.date?.getTime() ?? Date.now();
    return {
      itemType: 1,
      id: message.itemId,
      subject: message.subject,
      normalizedSubject: message.subject,
      internetMessageId: properties.internetMessageId,
      itemClass: 'IPM.Note',
      from: properties.from ? wire(properties.from) : undefined,
      sender: properties.from ? wire(properties.from) : undefined,
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

  /** One ExecuteMethod call: `{data}` on success, `{error, errorCode}` otherwise. */
  const execute = (dispId: number, params: Record<string, unknown> | unknown[] | undefined): unknown => {
    const message = current;
    const view = message ? outlookView(message.eml) : undefined;
    const args = (params ?? {}) as Record<string, unknown>;
    const failed = (errorCode: number) => ({ error: true, errorCode });
    switch (dispId) {
      case 37:
        // CoercionType as office.js sends it to a web host: 0 text, 3 html.
        calls.push(`body.getAsync:${args['coercionType'] === 0 ? 'text' : String(args['coercionType'])}`);
        return view ? { data: view.body } : failed(INTERNAL_ERROR);
      case 168:
        calls.push('getAllInternetHeadersAsync');
        return view ? { data: message?.folder === 'sent' ? '' : view.headers } : failed(INTERNAL_ERROR);
      case 150: {
        calls.push('getAttachmentContentAsync');
        const attachment = (message?.attachments ?? view?.attachments ?? []).find(a => a.id === args['id']);
        return attachment
          ? { data: { format: attachment.format, content: attachment.content } }
          : failed(INTERNAL_ERROR);
      }
      case 33:
      case 35: {
        calls.push(dispId === 33 ? 'notificationMessages.addAsync' : 'notificationMessages.replaceAsync');
        const entries = notificationsOf(message?.itemId ?? '');
        const type = args['type'];
        const entry: FakeNotification = {
          key: String(args['key']),
          type: typeof type === 'number' ? (TYPES[type] ?? String(type)) : String(type),
          message: String(args['message']),
          icon: args['icon'] as string | undefined,
          persistent: args['persistent'] as boolean | undefined,
        };
        const at = entries.findIndex(existing => existing.key === entry.key);
        if (at < 0 && entries.length >= 5) {
          return failed(3);
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
        const at = entries.findIndex(existing => existing.key === args['key']);
        if (at >= 0) {
          entries.splice(at, 1);
        }
        return { data: null };
      }
      case 404: {
        const [serialized] = (params ?? []) as [Record<string, unknown>];
        const text = JSON.stringify(serialized ?? {});
        if (text.length > 32 * 1024) {
          return failed(9019);
        }
        settings = serialized ?? {};
        roaming.saved = text;
        calls.push('settings.write');
        return { data: null };
      }
      case 8:
        calls.push(`displayMessageForm:${String(args['itemId'])}`);
        return { data: null };
      default:
        calls.push(`unanswered:${dispId}`);
        return failed(INTERNAL_ERROR);
    }
  };

  const appContext = () => ({
    _id: 'b5c1e6a2-0f3d-4c8e-9a7b-2d4e6f8a0c1e',
    _appName: 64, // OSF.AppName.OutlookWebApp
    _appVersion: '16.01',
    _appMinorVersion: 1,
    _appUILocale: locale,
    _dataLocale: locale,
    _docUrl: '',
    _clientMode: 0,
    _settings: settings,
    _reason: 0,
    _osfControlType: 0,
    _eToken: '',
    _correlationId: '00000000-0000-4000-8000-00000000c0de',
    _appInstanceId: controlId,
    _requirementMatrix: JSON.stringify({ Mailbox: options.mailbox }),
    _hostFullVersion: '16.0.19127.20000',
  });

  const frame = document.createElement('iframe');
  const paneWindow = () => frame.contentWindow;
  const paneOrigin = new URL(options.paneUrl).origin;
  const post = (message: Record<string, unknown>) =>
    paneWindow()?.postMessage(JSON.stringify(message), paneOrigin);
  const respond = (request: XdmMessage, data: unknown, errorCode = 0) =>
    post({
      _messageType: RESPONSE,
      _actionName: request._actionName,
      _conversationId: request._conversationId,
      _correlationId: request._correlationId,
      _origin: window.location.origin,
      _errorCode: errorCode,
      _responseType: FOR_CALLING,
      _data: data,
    });

  window.addEventListener('message', event => {
    if (event.source !== paneWindow() || typeof event.data !== 'string') {
      return;
    }
    let request: XdmMessage;
    try {
      request = JSON.parse(event.data) as XdmMessage;
    } catch {
      return;
    }
    if (request._messageType !== REQUEST) {
      return;
    }
    // Outlook answers on a later turn.
    setTimeout(() => {
      const data = (request._data ?? {}) as {
        ApiParams?: Record<string, unknown>;
        MethodData?: { DispatchId?: number };
      };
      switch (request._actionName) {
        case 'ContextActivationManager_getAppContextAsync':
          calls.push('appContext');
          respond(request, appContext());
          return;
        case 'ContextActivationManager_notifyHost':
          respond(request, null);
          return;
        case 'GetInitialData':
          calls.push('initialData');
          respond(request, initialData(current) ?? mailboxData());
          return;
        case 'ExecuteMethod':
          respond(request, execute(data.MethodData?.DispatchId ?? -1, data.ApiParams));
          return;
        default:
          // A registerEvent request: the event name carries the event type.
          if (request._actionType === 1 && /olkItemSelectedChanged/i.test(request._actionName)) {
            calls.push('RegisterEvent:46');
            itemChangedEvent = request._actionName;
            // A payload without "Error" is success; none at all is an internal error
            // (WAC.Delegate._getOnAfterRegisterEvent).
            respond(request, {});
            return;
          }
          // office.js subscribes to ribbon commands at start; this pane has none, so it never fires.
          if (request._actionType === 1 && /appCommandInvoked/i.test(request._actionName)) {
            respond(request, {});
            return;
          }
          calls.push(`unanswered:${request._actionName}`);
          respond(request, null, -2);
      }
    }, 1);
  });

  const url = new URL(options.paneUrl);
  url.searchParams.set('_host_Info', `Outlook$Web$16.01$${locale}$telemetry$$disableLogging$0`);
  url.hash = `&_xdm_Info=${conversation}$${controlId}$${window.location.href}`;
  frame.src = url.href;
  frame.title = 'Backscatter Guard';
  frame.style.cssText = 'width:320px;height:900px;border:0;display:block';
  document.body.append(frame);

  return {
    notifications,
    roaming,
    calls,
    actions: new Map<string, unknown>(),
    selectItem(message: FakeMessage | null) {
      current = message;
      if (itemChangedEvent) {
        post({
          _messageType: RESPONSE,
          _actionName: itemChangedEvent,
          _conversationId: conversation,
          _correlationId: 0,
          _origin: window.location.origin,
          _errorCode: 0,
          _responseType: FOR_EVENTING,
          _data: initialData(message) ?? '',
        });
      }
    },
  };
}

const global = window as unknown as Record<string, unknown>;
if (window.top === window) {
  const options = global['__bsgWebHostOptions'] as WebHostOptions | undefined;
  if (options) {
    const start = () => (global['__fakeHost'] = installWebHost(options));
    if (document.body) {
      start();
    } else {
      document.addEventListener('DOMContentLoaded', start);
    }
  }
} else {
  // The pane's frame: the test reads the host's record through it, as with the other hosts.
  Object.defineProperty(window, '__fakeHost', {
    get: () => (window.parent as unknown as Record<string, unknown>)['__fakeHost'],
  });
}
