// What both fake Outlooks below Microsoft's office.js keep and answer, whatever their wire
// (native-host.ts: window.external; web-host.ts: postMessage): the selected item and its initial data,
// the mailbox calls the pane makes by dispatch id, notifications per item, and the record the browser
// tests read (window.__fakeHost, as the fake Office keeps it).
import { messageProperties, outlookView, type FakeMessage, type FakeNotification } from '../fake-office';

/** `{data}` for office.js on success, else an error code (getErrorArgs). */
export interface Answer {
  data?: unknown;
  code?: number;
}

/** A mailbox call's arguments, read from the host's wire form. */
export interface CallArgs {
  /** body.getAsync: 0 text (CoercionType as office.js sends it). */
  coercionType?: unknown;
  /** getAttachmentContentAsync. */
  id?: unknown;
  /** notificationMessages. */
  key?: unknown;
  type?: unknown;
  message?: unknown;
  icon?: unknown;
  persistent?: unknown;
  /** displayMessageForm. */
  itemId?: unknown;
}

// Error codes office.js maps to names (getErrorArgs): 9002 internal error, 3 too many notifications.
export const INTERNAL_ERROR = 9002;
const TOO_MANY_NOTIFICATIONS = 3;
const TYPES = ['informationalMessage', 'progressIndicator', 'errorMessage', 'insightMessage'];

export function createMailbox(options: { userAddress: string; item: FakeMessage | null }) {
  const notifications = new Map<string, FakeNotification[]>();
  const calls: string[] = [];
  const roaming: { saved: string | undefined } = { saved: undefined };
  let current: FakeMessage | null = options.item;

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

  /** The item's properties as office.js reads them (getMessageRead), or null for no item. */
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

  /** One mailbox call on the selected item. */
  const call = (dispId: number, args: CallArgs): Answer => {
    const message = current;
    const view = message ? outlookView(message.eml) : undefined;
    switch (dispId) {
      case 37:
        calls.push(`body.getAsync:${args.coercionType === 0 ? 'text' : String(args.coercionType)}`);
        return view ? { data: view.body } : { code: INTERNAL_ERROR };
      case 168:
        calls.push('getAllInternetHeadersAsync');
        // Sent Items hold the message as written: no transport headers (office-js#4773).
        return view ? { data: message?.folder === 'sent' ? '' : view.headers } : { code: INTERNAL_ERROR };
      case 150: {
        calls.push('getAttachmentContentAsync');
        const attachment = (message?.attachments ?? view?.attachments ?? []).find(a => a.id === args.id);
        return attachment
          ? { data: { format: attachment.format, content: attachment.content } }
          : { code: INTERNAL_ERROR };
      }
      case 33:
      case 35: {
        calls.push(dispId === 33 ? 'notificationMessages.addAsync' : 'notificationMessages.replaceAsync');
        const entries = notificationsOf(message?.itemId ?? '');
        const entry: FakeNotification = {
          key: String(args.key),
          type: typeof args.type === 'number' ? (TYPES[args.type] ?? String(args.type)) : String(args.type),
          message: String(args.message),
          icon: args.icon as string | undefined,
          persistent: args.persistent as boolean | undefined,
        };
        const at = entries.findIndex(existing => existing.key === entry.key);
        if (at < 0 && entries.length >= 5) {
          return { code: TOO_MANY_NOTIFICATIONS };
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
        const at = entries.findIndex(existing => existing.key === args.key);
        if (at >= 0) {
          entries.splice(at, 1);
        }
        return { data: null };
      }
      case 8:
        calls.push(`displayMessageForm:${String(args.itemId)}`);
        return { data: null };
      default:
        calls.push(`unanswered:${dispId}`);
        return { code: INTERNAL_ERROR };
    }
  };

  return {
    /** What the tests read as window.__fakeHost (selectItem is the host's own). */
    record: { notifications, roaming, calls, actions: new Map<string, unknown>() },
    current: () => current,
    select(message: FakeMessage | null) {
      current = message;
    },
    mailboxData,
    initialData,
    call,
  };
}
