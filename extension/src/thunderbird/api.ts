// Hand-written MV3 typings for the part of the MailExtension API this add-on calls.
//
// Why not @types/thunderbird-webext-browser alone: its newest release (127.0.0) is shaped for
// Manifest V2. Against Thunderbird 128+ with manifest_version 3 it is wrong where it matters:
// getDisplayedMessages() and the second argument of onMessagesDisplayed are a MessageList
// `{id, messages}`, not an array; getRaw() resolves to a DOM File; folders are addressed by string
// ids; `scripting.messageDisplay` is missing. Every shape below was written from the schemas shipped
// in Thunderbird 153 (omni.ja chrome/messenger/content/messenger/schemas/*.json), see
// ../shared/handbook/thunderbird-platform.md §A2. Only what we call is declared, so a fake in the
// unit tests can implement the whole interface.

export type MailFolderId = string;
export type MessageId = number;

export type MailFolderSpecialUse =
  'inbox' | 'drafts' | 'sent' | 'trash' | 'templates' | 'archives' | 'junk' | 'outbox';

export interface MailFolder {
  id: MailFolderId;
  accountId: string;
  path: string;
  name?: string;
  specialUse?: MailFolderSpecialUse[];
  isRoot?: boolean;
  isVirtual?: boolean;
  isUnified?: boolean;
}

/** folders.getFolderInfo(): counts from the folder's local summary (0 for a never-synced IMAP folder). */
export interface MailFolderInfo {
  totalMessageCount?: number;
  unreadMessageCount?: number;
  newMessageCount?: number;
}

export interface MessageHeader {
  id: MessageId;
  headerMessageId: string; // without angle brackets
  subject: string;
  author: string;
  /** To, Cc, Bcc as "Name <address>" strings (MessageHeader.recipients / ccList / bccList). */
  recipients?: string[];
  ccList?: string[];
  bccList?: string[];
  date: Date | string | number;
  folder?: MailFolder; // present with accountsRead, absent for external/attached messages
  junk: boolean;
  junkScore: number;
  tags: string[];
  read?: boolean;
  new: boolean;
  external: boolean;
  size: number;
}

/** MV3: every list-returning messages.* call pages through a MessageList. */
export interface MessageList {
  id: string | null;
  messages: MessageHeader[];
}

export interface MailIdentity {
  id: string;
  accountId: string;
  email: string;
  name?: string;
}

export interface MailAccount {
  id: string;
  name: string;
  type: string; // imap | pop3 | nntp | none | local | …
  identities: MailIdentity[];
  rootFolder?: MailFolder;
}

export interface Tab {
  id: number;
  windowId?: number;
  active: boolean;
  type?: string; // mail | messageDisplay | content | …
}

export interface MailTab {
  id: number;
  active: boolean;
  displayedFolder?: MailFolder;
}

export interface MessageProperties {
  junk?: boolean;
  tags?: string[];
  read?: boolean;
}

export interface QueryInfo {
  headerMessageId?: string;
  folderId?: MailFolderId | MailFolderId[];
  accountId?: string | string[];
  fromMe?: boolean;
  /** MV3 name; `unread` is MV2-only and Thunderbird's schema rejects it in MV3 (128–153). */
  read?: boolean;
  fromDate?: Date;
  toDate?: Date;
  includeSubFolders?: boolean;
  messagesPerPage?: number;
  autoPaginationTimeout?: number;
}

export interface FolderQueryInfo {
  accountId?: string;
  folderId?: MailFolderId;
  specialUse?: MailFolderSpecialUse[];
}

export interface MessageDisplayScriptDetails {
  id: string;
  js?: string[];
  css?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
}

export interface MessageSender {
  tab?: Tab;
  id?: string;
  url?: string;
}

export interface Listenable<F> {
  addListener(callback: F, ...extra: unknown[]): void;
  removeListener(callback: F): void;
  hasListener(callback: F): boolean;
}

/** runtime.onMessage: return a Promise to answer, or false to let another listener answer. */
export type OnMessageListener = (message: unknown, sender: MessageSender) => Promise<unknown> | false;

export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface Messenger {
  runtime: {
    onMessage: Listenable<OnMessageListener>;
    onStartup: Listenable<() => void>;
    onInstalled: Listenable<(details: { reason: string }) => void>;
    sendMessage(message: unknown): Promise<unknown>;
    getURL(path: string): string;
    openOptionsPage(): Promise<void>;
  };
  i18n: { getMessage(key: string, substitutions?: string | string[]): string; getUILanguage(): string };
  storage: { local: StorageArea };
  accounts: { list(includeSubFolders?: boolean): Promise<MailAccount[]> };
  folders: {
    query(queryInfo: FolderQueryInfo): Promise<MailFolder[]>;
    getFolderInfo(folderId: MailFolderId): Promise<MailFolderInfo>;
  };
  messages: {
    get(messageId: MessageId): Promise<MessageHeader>;
    /**
     * Only the "binary string" form is used (one character per byte, 0–255): MV3's default, a DOM
     * `File`, is built by Thunderbird from that same string with a byte loop on its main thread
     * (`getRaw` in ext-messages.js), and reading the File back is one more asynchronous step.
     */
    getRaw(
      messageId: MessageId,
      options: { decrypt?: boolean; data_format: 'BinaryString' },
    ): Promise<string>;
    list(folderId: MailFolderId): Promise<MessageList>;
    continueList(messageListId: string): Promise<MessageList>;
    query(queryInfo: QueryInfo): Promise<MessageList>;
    update(messageId: MessageId, newProperties: MessageProperties): Promise<void>;
    move(
      messageIds: MessageId[],
      folderId: MailFolderId,
      options?: { isUserAction?: boolean },
    ): Promise<void>;
    onNewMailReceived: Listenable<(folder: MailFolder, messages: MessageList) => void>;
    /** Fired once the moved copies exist; for IMAP after the destination folder was updated. */
    onMoved: Listenable<(originalMessages: MessageList, movedMessages: MessageList) => void>;
    tags: { create(key: string, tag: string, color: string): Promise<string> };
  };
  messageDisplay: {
    onMessagesDisplayed: Listenable<(tab: Tab, displayed: MessageList) => void>;
    getDisplayedMessages(tabId: number): Promise<MessageList>;
  };
  messageDisplayAction: {
    setBadgeText(details: { text: string | null; tabId?: number }): Promise<void>;
    setBadgeBackgroundColor(details: { color: string | null; tabId?: number }): Promise<void>;
    setTitle(details: { title: string | null; tabId?: number }): Promise<void>;
    /** The text on the button; the title stays the tooltip. null: the title is shown. */
    setLabel(details: { label: string | null; tabId?: number }): Promise<void>;
  };
  action: { onClicked: Listenable<(tab: Tab) => void> };
  mailTabs: { getCurrent(): Promise<MailTab | undefined>; get(tabId: number): Promise<MailTab> };
  tabs: {
    /** Thunderbird 153 schema: (tabId, removeInfo {windowId, isWindowClosing}); no permission needed. */
    onRemoved: Listenable<(tabId: number) => void>;
    query(queryInfo: { active?: boolean; currentWindow?: boolean }): Promise<Tab[]>;
    create(createProperties: { url: string; active?: boolean }): Promise<Tab>;
  };
  scripting: {
    messageDisplay: {
      registerScripts(scripts: MessageDisplayScriptDetails[]): Promise<void>;
      getRegisteredScripts(filter?: { ids?: string[] }): Promise<MessageDisplayScriptDetails[]>;
      unregisterScripts(filter?: { ids?: string[] }): Promise<void>;
    };
  };
}
