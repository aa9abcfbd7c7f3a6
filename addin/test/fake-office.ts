// A hand-written stand-in for the parts of Office.js the add-in uses, following the documented
// shapes and limits, not our code's expectations:
// - every mailbox call answers through a callback with an AsyncResult {status, value, error}, later
//   (never synchronously), as Office.js does (develop/asynchronous-programming-in-office-add-ins);
// - getAsFileAsync returns Base64 EML (office.messageread, Mailbox 1.14);
// - notificationMessages: message > 150 characters or key > 32 throws ArgumentOutOfRange; a sixth
//   notification fails with NumberOfNotificationMessagesExceeded; InformationalMessage needs an icon
//   (outlook/notifications);
// - ItemChanged handlers run after `item` is updated, and the item may be null (outlook/pinnable-taskpane).
// Used by the unit tests (globalThis.Office) and, bundled as a classic script, by the browser tests.

export interface FakeAttachment {
  id: string;
  name: string;
  contentType: string;
  attachmentType: 'file' | 'item' | 'cloud';
  /** Base64 for files, EML text for items. */
  content: string;
  format: 'base64' | 'eml';
}

export interface FakeMessage {
  itemId: string;
  subject: string;
  /** The raw message; getAsFileAsync returns it Base64-encoded. */
  eml: string;
  attachments?: FakeAttachment[];
  itemType?: 'message' | 'appointment';
  compose?: boolean;
  /**
   * 'sent': the item sits in Sent Items. It never went through transport, so it has no internet
   * headers: getAllInternetHeadersAsync succeeds with '' (office-js#4773, #6796).
   */
  folder?: 'inbox' | 'sent';
}

export interface FakeNotification {
  key: string;
  type: string;
  message: string;
  icon: string | undefined;
  persistent: boolean | undefined;
}

export interface FakeHostOptions {
  /** Highest Mailbox requirement set the fake host supports, e.g. '1.14'. */
  mailbox: string;
  userAddress: string;
  displayLanguage?: string;
  item: FakeMessage | null;
  /** Other requirement sets, e.g. {NestedAppAuth: '1.1'}. */
  otherSets?: Record<string, string>;
}

export interface FakeHost {
  Office: unknown;
  /** Notifications by itemId, in the order they were set. */
  notifications: Map<string, FakeNotification[]>;
  /** Selects another item (or none) and raises ItemChanged like a pinned pane. */
  selectItem(message: FakeMessage | null): void;
  /** The functions registered with Office.actions.associate. */
  actions: Map<string, (event: unknown) => unknown>;
  /** What saveAsync last stored in roaming settings (JSON text), as Exchange would keep it. */
  roaming: { saved: string | undefined };
  calls: string[];
}

const versionAtLeast = (have: string, want: string): boolean => {
  const [a = 0, b = 0] = have.split('.').map(Number);
  const [c = 0, d = 0] = want.split('.').map(Number);
  return a > c || (a === c && b >= d);
};

function utf8ToBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}

/** What Outlook shows of a MIME message: the header block, a text body, and its attachments. */
export interface OutlookView {
  headers: string;
  body: string;
  attachments: FakeAttachment[];
}

function splitHead(text: string): { head: string; body: string } {
  // A part that starts with a blank line has no headers (RFC 2046 §5.1.1: defaults apply).
  if (text.startsWith('\n')) {
    return { head: '', body: text.slice(1) };
  }
  const end = text.indexOf('\n\n');
  return end < 0 ? { head: text, body: '' } : { head: text.slice(0, end + 1), body: text.slice(end + 2) };
}

function headerValue(head: string, name: string): string {
  const unfolded = head.replace(/\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded);
  return match?.[1]?.trim() ?? '';
}

function latin1ToBase64(text: string): string {
  return btoa(text.replace(/[^\x00-\xff]/g, '?'));
}

function decodeText(content: string, encoding: string): string {
  if (/^base64$/i.test(encoding)) {
    try {
      const binary = atob(content.replace(/\s+/g, ''));
      return new TextDecoder().decode(Uint8Array.from(binary, c => c.charCodeAt(0)));
    } catch {
      return content;
    }
  }
  if (/^quoted-printable$/i.test(encoding)) {
    return content
      .replace(/=\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return content;
}

/**
 * Splits a message the way Outlook presents it to add-ins (an approximation for tests): the inline
 * text/plain leaves are the body (else text/html with tags removed), message/rfc822 parts become item
 * attachments (content format Eml), every other leaf a file attachment (Base64). Headers of inner
 * parts are not content, so they are gone, as they are in Outlook.
 */
export function outlookView(eml: string): OutlookView {
  const text = eml.replace(/\r\n?/g, '\n');
  const { head, body } = splitHead(text);
  const attachments: FakeAttachment[] = [];
  let plain: string | undefined;
  let html: string | undefined;
  const walk = (partHead: string, content: string, depth: number) => {
    const type = headerValue(partHead, 'Content-Type') || 'text/plain';
    const mime = type.split(';')[0]!.trim().toLowerCase();
    const encoding = headerValue(partHead, 'Content-Transfer-Encoding');
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (mime.startsWith('multipart/') && boundary && depth < 5) {
      const lines = content.split('\n');
      let current: string[] | undefined;
      const parts: string[] = [];
      for (const line of lines) {
        if (line.startsWith(`--${boundary}`)) {
          if (current) {
            parts.push(current.join('\n'));
          }
          current = line.startsWith(`--${boundary}--`) ? undefined : [];
          continue;
        }
        current?.push(line);
      }
      if (current) {
        parts.push(current.join('\n'));
      }
      for (const part of parts) {
        const split = splitHead(part);
        walk(split.head, split.body, depth + 1);
      }
      return;
    }
    const disposition = headerValue(partHead, 'Content-Disposition').toLowerCase();
    const name = /name="?([^";]+)"?/i.exec(`${type};${disposition}`)?.[1] ?? `part-${attachments.length + 1}`;
    if (mime === 'text/plain' && !disposition.startsWith('attachment')) {
      // Outlook shows every inline text part in the body, one after the other.
      plain =
        plain === undefined ? decodeText(content, encoding) : `${plain}\n${decodeText(content, encoding)}`;
    } else if (mime === 'text/html' && html === undefined && !disposition.startsWith('attachment')) {
      html = decodeText(content, encoding).replace(/<[^>]*>/g, ' ');
    } else if (mime === 'message/rfc822') {
      attachments.push({
        id: `att${attachments.length + 1}`,
        name: `${name}.eml`,
        contentType: mime,
        attachmentType: 'item',
        format: 'eml',
        content,
      });
    } else {
      const base64 = /^base64$/i.test(encoding)
        ? content.replace(/\s+/g, '')
        : latin1ToBase64(decodeText(content, encoding));
      attachments.push({
        id: `att${attachments.length + 1}`,
        name,
        contentType: mime,
        attachmentType: 'file',
        format: 'base64',
        content: base64,
      });
    }
  };
  walk(head, body, 0);
  return { headers: head.replace(/\n/g, '\r\n'), body: plain ?? html ?? '', attachments };
}

/**
 * What Outlook shows as properties of a read item, taken from the message's own header block. They
 * exist for Sent items too, which have no internet headers.
 */
export function messageProperties(eml: string): {
  from: Office.EmailAddressDetails | undefined;
  to: Office.EmailAddressDetails[];
  cc: Office.EmailAddressDetails[];
  internetMessageId: string | undefined;
  date: Date | undefined;
} {
  const mailbox = (value: string) => {
    const address = /<([^<>\s]+)>/.exec(value)?.[1] ?? value.trim();
    const name = value
      .replace(/<[^<>]*>/, '')
      .replace(/"/g, '')
      .trim();
    return { emailAddress: address, displayName: name || address } as Office.EmailAddressDetails;
  };
  const head = splitHead(eml.replace(/\r\n?/g, '\n')).head;
  const recipients = (name: string) =>
    headerValue(head, name)
      .split(',')
      .filter(entry => entry.includes('@'))
      .map(mailbox);
  const from = headerValue(head, 'From');
  const date = Date.parse(headerValue(head, 'Date'));
  return {
    from: from.includes('@') ? mailbox(from) : undefined,
    to: recipients('To'),
    cc: recipients('Cc'),
    internetMessageId: headerValue(head, 'Message-ID') || undefined,
    date: Number.isNaN(date) ? undefined : new Date(date),
  };
}

export function createFakeOffice(options: FakeHostOptions): FakeHost {
  const notifications = new Map<string, FakeNotification[]>();
  const handlers: Array<(args: unknown) => void> = [];
  const actions = new Map<string, (event: unknown) => unknown>();
  const calls: string[] = [];

  const succeeded = <T>(value: T) => ({
    status: 'succeeded',
    value,
    error: undefined,
    asyncContext: undefined,
  });
  const failed = (name: string, message: string, code: number) => ({
    status: 'failed',
    value: undefined,
    error: { name, message, code },
    asyncContext: undefined,
  });
  const later = (callback: ((result: unknown) => void) | undefined, result: unknown) => {
    setTimeout(() => callback?.(result), 1);
  };
  const supports = (version: string) => versionAtLeast(options.mailbox, version);
  const lastCallback = (args: unknown[]) =>
    [...args].reverse().find(arg => typeof arg === 'function') as ((r: unknown) => void) | undefined;

  const makeItem = (message: FakeMessage) => {
    const view = outlookView(message.eml);
    const attachmentsOf = message.attachments ?? view.attachments;
    const list = () => {
      let entries = notifications.get(message.itemId);
      if (!entries) {
        entries = [];
        notifications.set(message.itemId, entries);
      }
      return entries;
    };
    const check = (
      key: string,
      details: { type: string; message: string; icon?: string; persistent?: boolean },
    ) => {
      if (key.length > 32 || details.message.length > 150) {
        const error = new Error('The value is out of range.');
        error.name = 'ArgumentOutOfRange';
        throw error;
      }
      if (details.type === 'informationalMessage' && !details.icon) {
        return failed('InvalidArgument', 'An icon is required for an informational message.', 9000);
      }
      return undefined;
    };
    const put = (
      key: string,
      details: { type: string; message: string; icon?: string; persistent?: boolean },
      replace: boolean,
    ) => {
      const entries = list();
      const at = entries.findIndex(entry => entry.key === key);
      if (at < 0 && entries.length >= 5) {
        return failed('NumberOfNotificationMessagesExceeded', 'Too many notifications.', 3);
      }
      if (at >= 0 && !replace) {
        return failed('DuplicateNotificationKey', 'The key already exists.', 4);
      }
      const entry: FakeNotification = {
        key,
        type: details.type,
        message: details.message,
        icon: details.icon,
        persistent: details.persistent,
      };
      if (at >= 0) {
        entries[at] = entry;
      } else {
        entries.push(entry);
      }
      return succeeded(undefined);
    };
    const base = {
      itemType: message.itemType ?? 'message',
      itemId: message.itemId,
      attachments: attachmentsOf.map(({ id, name, contentType, attachmentType }) => ({
        id,
        name,
        contentType,
        attachmentType,
        isInline: false,
        size: 0,
      })),
      notificationMessages: {
        addAsync(key: string, details: never, ...rest: unknown[]) {
          calls.push('notificationMessages.addAsync');
          const error = check(key, details);
          later(lastCallback(rest), error ?? put(key, details, false));
        },
        replaceAsync(key: string, details: never, ...rest: unknown[]) {
          calls.push('notificationMessages.replaceAsync');
          const error = check(key, details);
          later(lastCallback(rest), error ?? put(key, details, true));
        },
        removeAsync(key: string, ...rest: unknown[]) {
          const entries = list();
          const at = entries.findIndex(entry => entry.key === key);
          if (at >= 0) {
            entries.splice(at, 1);
          }
          later(
            lastCallback(rest),
            at >= 0 ? succeeded(undefined) : failed('KeyNotFound', 'No such key.', 5),
          );
        },
        getAllAsync(...rest: unknown[]) {
          later(lastCallback(rest), succeeded(list().map(entry => ({ ...entry }))));
        },
      },
    };
    if (message.compose) {
      return {
        ...base,
        itemId: undefined,
        subject: { getAsync: (...rest: unknown[]) => later(lastCallback(rest), succeeded(message.subject)) },
      };
    }
    const properties = messageProperties(message.eml);
    const readItem: Record<string, unknown> = {
      ...base,
      subject: message.subject,
      from: properties.from,
      to: properties.to,
      cc: properties.cc,
      internetMessageId: properties.internetMessageId,
      dateTimeCreated: properties.date,
      getAllInternetHeadersAsync(...rest: unknown[]) {
        calls.push('getAllInternetHeadersAsync');
        later(lastCallback(rest), succeeded(message.folder === 'sent' ? '' : view.headers));
      },
      body: {
        getAsync(coercion: string, ...rest: unknown[]) {
          calls.push(`body.getAsync:${coercion}`);
          later(lastCallback(rest), succeeded(view.body));
        },
      },
      getAttachmentContentAsync(id: string, ...rest: unknown[]) {
        calls.push('getAttachmentContentAsync');
        const attachment = attachmentsOf.find(candidate => candidate.id === id);
        later(
          lastCallback(rest),
          attachment
            ? succeeded({ format: attachment.format, content: attachment.content })
            : failed('InvalidAttachmentId', 'No such attachment.', 9002),
        );
      },
    };
    if (supports('1.14')) {
      readItem.getAsFileAsync = (...rest: unknown[]) => {
        calls.push('getAsFileAsync');
        later(lastCallback(rest), succeeded(utf8ToBase64(message.eml)));
      };
    }
    return readItem;
  };

  // Office.context.roamingSettings: get/set/remove in memory, saveAsync persists; the settings are
  // "limited to 32 KB" (outlook/metadata-for-an-outlook-add-in), beyond that the save fails.
  const roaming: { saved: string | undefined } = { saved: undefined };
  let roamingValues: Record<string, unknown> = {};
  const roamingSettings = {
    get: (name: string) => roamingValues[name],
    set: (name: string, value: unknown) => {
      roamingValues = { ...roamingValues, [name]: JSON.parse(JSON.stringify(value)) as unknown };
    },
    remove: (name: string) => {
      const { [name]: _gone, ...rest } = roamingValues;
      roamingValues = rest;
    },
    saveAsync: (...rest: unknown[]) => {
      const text = JSON.stringify(roamingValues);
      if (text.length > 32 * 1024) {
        later(lastCallback(rest), failed('SettingsSizeExceeded', 'The settings are too large.', 9000));
        return;
      }
      roaming.saved = text;
      later(lastCallback(rest), succeeded(undefined));
    },
  };

  const mailbox: Record<string, unknown> = {
    item: options.item ? makeItem(options.item) : null,
    userProfile: { emailAddress: options.userAddress, displayName: 'Test User' },
    addHandlerAsync(type: string, handler: (args: unknown) => void, ...rest: unknown[]) {
      if (type === 'olkItemSelectedChanged' && supports('1.5')) {
        handlers.push(handler);
        later(lastCallback(rest), succeeded(undefined));
      } else {
        later(lastCallback(rest), failed('InvalidEventType', 'Not supported.', 9000));
      }
    },
    convertToRestId(id: string) {
      return id.replace(/\//g, '-').replace(/\+/g, '_');
    },
    convertToEwsId(id: string) {
      return id.replace(/-/g, '/').replace(/_/g, '+');
    },
    displayMessageForm(itemId: string) {
      calls.push(`displayMessageForm:${itemId}`);
    },
  };

  const Office = {
    HostType: { Outlook: 'Outlook' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html' },
    EventType: { ItemChanged: 'olkItemSelectedChanged' },
    MailboxEnums: {
      ItemType: { Message: 'message', Appointment: 'appointment' },
      ItemNotificationMessageType: {
        InformationalMessage: 'informationalMessage',
        ErrorMessage: 'errorMessage',
        ProgressIndicator: 'progressIndicator',
        InsightMessage: 'insightMessage',
      },
      RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' },
      AttachmentContentFormat: { Base64: 'base64', Url: 'url', Eml: 'eml', ICalendar: 'iCalendar' },
      AttachmentType: { File: 'file', Item: 'item', Cloud: 'cloud' },
      MoveSpamItemTo: {
        CustomFolder: 'customFolder',
        DeletedItemsFolder: 'deletedItemsFolder',
        JunkFolder: 'junkFolder',
        NoMove: 'noMove',
      },
    },
    context: {
      displayLanguage: options.displayLanguage ?? 'en-US',
      requirements: {
        isSetSupported(name: string, version?: string) {
          if (name === 'Mailbox') {
            return supports(version ?? '1.1');
          }
          const have = options.otherSets?.[name];
          return have !== undefined && versionAtLeast(have, version ?? '1.1');
        },
      },
      mailbox,
      roamingSettings,
    },
    actions: {
      associate(name: string, fn: (event: unknown) => unknown) {
        actions.set(name, fn);
      },
    },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Outlook', platform: 'OfficeOnline' };
      return new Promise(resolve =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 1),
      );
    },
  };

  return {
    Office,
    notifications,
    actions,
    calls,
    roaming,
    selectItem(message) {
      mailbox.item = message ? makeItem(message) : null;
      for (const handler of handlers) {
        setTimeout(() => handler({ type: 'olkItemSelectedChanged' }), 1);
      }
    },
  };
}
