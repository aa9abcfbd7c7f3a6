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
import type { FakeMessage } from '../fake-office';
import { createMailbox } from './outlook-mailbox';

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

function installWebHost(options: WebHostOptions) {
  const mailbox = createMailbox(options);
  const { calls, roaming } = mailbox.record;
  let settings = (options.roaming === undefined ? {} : JSON.parse(options.roaming)) as Record<
    string,
    unknown
  >;
  let itemChangedEvent: string | undefined;
  const locale = options.displayLanguage ?? 'en-US';
  const conversation = 'bsg-conversation';
  const controlId = 'bsg-control';

  /** One ExecuteMethod: its ApiParams are the arguments as office.js holds them. */
  const execute = (dispId: number, params: Record<string, unknown> | unknown[] | undefined): unknown => {
    if (dispId === 404) {
      // roamingSettings.saveAsync (saveSettingsForOwa): [serialized settings].
      const [serialized] = (params ?? []) as [Record<string, unknown>];
      const text = JSON.stringify(serialized ?? {});
      if (text.length > 32 * 1024) {
        return { error: true, errorCode: 9019 };
      }
      settings = serialized ?? {};
      roaming.saved = text;
      calls.push('settings.write');
      return { data: null };
    }
    const answer = mailbox.call(dispId, (params ?? {}) as Record<string, unknown>);
    return answer.code === undefined ? { data: answer.data } : { error: true, errorCode: answer.code };
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
          respond(request, mailbox.initialData(mailbox.current()) ?? mailbox.mailboxData());
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
    ...mailbox.record,
    selectItem(message: FakeMessage | null) {
      mailbox.select(message);
      if (itemChangedEvent) {
        post({
          _messageType: RESPONSE,
          _actionName: itemChangedEvent,
          _conversationId: conversation,
          _correlationId: 0,
          _origin: window.location.origin,
          _errorCode: 0,
          _responseType: FOR_EVENTING,
          _data: mailbox.initialData(message) ?? '',
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
