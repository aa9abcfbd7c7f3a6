// An in-memory Thunderbird for unit tests, implementing the same MV3 interface (../thunderbird/api)
// the real messenger is cast to. It reproduces the behaviours the product depends on, as observed
// in Thunderbird 153 (thunderbird-platform.md): a moved message gets a new id; an unsynced folder
// reports totalMessageCount 0 and query() finds nothing in it; tags.create throws for an existing
// key; registerScripts throws for an id already registered; list/query page through MessageLists.
import en from '../../public/_locales/en/messages.json';
import type {
  Listenable,
  MailAccount,
  MailFolder,
  MailFolderSpecialUse,
  MessageDisplayScriptDetails,
  MessageHeader,
  MessageList,
  MessageProperties,
  Messenger,
  QueryInfo,
} from '../thunderbird/api';

export class FakeEvent<F extends (...args: never[]) => unknown> implements Listenable<F> {
  readonly listeners: F[] = [];
  readonly extras: unknown[][] = [];
  addListener(callback: F, ...extra: unknown[]): void {
    this.listeners.push(callback);
    this.extras.push(extra);
  }
  removeListener(callback: F): void {
    const index = this.listeners.indexOf(callback);
    if (index >= 0) {
      this.listeners.splice(index, 1);
    }
  }
  hasListener(callback: F): boolean {
    return this.listeners.includes(callback);
  }
  fire(...args: Parameters<F>): ReturnType<F>[] {
    return this.listeners.map(listener => listener(...args) as ReturnType<F>);
  }
}

interface StoredMessage {
  header: MessageHeader;
  /** An IMAP copy Thunderbird does not know yet (its folder was not updated since the move). */
  hidden?: boolean;
  raw: Uint8Array;
  received: Date;
}

export interface FakeFolderSpec {
  path: string;
  specialUse?: MailFolderSpecialUse[];
  /** Never synced: Thunderbird reports 0 messages and finds nothing, whatever the server holds. */
  unsynced?: boolean;
}

const PAGE_SIZE = 2; // small on purpose: every caller must page through continueList

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function localize(key: string, substitutions: string | string[] = []): string {
  const entry = (en as Messages)[key];
  if (!entry) {
    return '';
  }
  const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    const index = Number(content.slice(1)) - 1;
    text = text.replaceAll(`$${name.toUpperCase()}$`, subs[index] ?? '');
  }
  return text;
}

export class FakeThunderbird {
  readonly accounts: MailAccount[] = [];
  readonly folders: (MailFolder & { unsynced: boolean })[] = [];
  readonly messages = new Map<number, StoredMessage>();
  readonly storage = new Map<string, unknown>();
  readonly tags = new Map<string, { tag: string; color: string }>();
  readonly scripts: MessageDisplayScriptDetails[] = [];
  /** What i18n.getUILanguage answers (Thunderbird's UI language). */
  uiLanguage = 'en-US';
  readonly displayed = new Map<number, number[]>();
  readonly badges = new Map<
    number,
    { text: string | null; color?: string | null; title?: string | null; label?: string | null }
  >();
  readonly openedTabs: string[] = [];
  /** Mail tab id → the folder it displays. */
  readonly mailTabFolders = new Map<number, string>();
  readonly calls: string[] = [];
  /** What Thunderbird itself would print to the error console for our calls. */
  readonly consoleErrors: string[] = [];
  /** Simulate IMAP placeholder headers in the destination of a move (see junk.ts). */
  imapPlaceholders = false;
  /** Every messages.move rejects, as Thunderbird does when a folder is locked or the server refuses. */
  failMoves = false;
  /** messages.move resolves and moves nothing (what moving an IMAP placeholder does on the server). */
  silentMoves = false;
  readonly placeholders = new Set<number>();
  /**
   * Thunderbird 153 over IMAP as the real-window probe saw it (junk.ts). A move with isUserAction
   * goes "pseudo-offline": the destination holds a placeholder that reads as 0 bytes, every
   * placeholder of one folder has the same id (one fake UID), onMoved reports it, and only a touch
   * (a flag stored on a placeholder) updates the folder, after which the real copy answers to the
   * placeholder's id (msgKeyChanged); moving a placeholder does nothing on the server. A move
   * without it puts the real copy in the destination a moment after move() resolved (a timer
   * tick, or the next query after one that did not see it yet), and onMoved reports it then.
   */
  imapPseudoMoves = false;
  /** Pseudo-move placeholders: placeholder id → the hidden real copy it stands for. */
  private readonly standsFor = new Map<number, number>();
  /** Copies of plain moves not in their folder yet, with the original for onMoved. */
  private arriving: { original: MessageHeader; copy: number }[] = [];
  private nextId = 1;
  private readonly pages = new Map<string, MessageHeader[]>();
  private nextPage = 1;

  readonly events = {
    onMessage: new FakeEvent<Parameters<Messenger['runtime']['onMessage']['addListener']>[0]>(),
    onStartup: new FakeEvent<() => void>(),
    onInstalled: new FakeEvent<(details: { reason: string }) => void>(),
    onNewMailReceived: new FakeEvent<(folder: MailFolder, messages: MessageList) => void>(),
    onMoved: new FakeEvent<(originalMessages: MessageList, movedMessages: MessageList) => void>(),
    onMessagesDisplayed: new FakeEvent<
      Parameters<Messenger['messageDisplay']['onMessagesDisplayed']['addListener']>[0]
    >(),
    onActionClicked: new FakeEvent<Parameters<Messenger['action']['onClicked']['addListener']>[0]>(),
    onTabRemoved: new FakeEvent<(tabId: number) => void>(),
  };

  addAccount(id: string, emails: string[], folders: FakeFolderSpec[], type = 'imap'): MailAccount {
    const account: MailAccount = {
      id,
      name: id,
      type,
      identities: emails.map((email, index) => ({ id: `${id}-id${index}`, accountId: id, email })),
    };
    this.accounts.push(account);
    for (const spec of folders) {
      this.folders.push({
        id: `${id}:/${spec.path}`,
        accountId: id,
        path: `/${spec.path}`,
        name: spec.path,
        ...(spec.specialUse ? { specialUse: spec.specialUse } : {}),
        unsynced: spec.unsynced ?? false,
      });
    }
    return account;
  }

  folder(accountId: string, path: string): MailFolder & { unsynced: boolean } {
    const found = this.folders.find(folder => folder.accountId === accountId && folder.path === `/${path}`);
    if (!found) {
      throw new Error(`no folder ${accountId}:/${path}`);
    }
    return found;
  }

  deliver(
    folderId: string,
    raw: string | Uint8Array,
    fields: {
      headerMessageId: string;
      subject?: string;
      author?: string;
      received?: Date;
      read?: boolean;
      recipients?: string[];
      ccList?: string[];
    },
  ): MessageHeader {
    const folder = this.folders.find(candidate => candidate.id === folderId);
    if (!folder) {
      throw new Error(`no folder ${folderId}`);
    }
    const header: MessageHeader = {
      id: this.nextId++,
      headerMessageId: fields.headerMessageId,
      subject: fields.subject ?? '',
      author: fields.author ?? '',
      recipients: fields.recipients ?? [],
      ccList: fields.ccList ?? [],
      bccList: [],
      date: fields.received ?? new Date('2026-11-27T23:00:00Z'),
      folder: stripFolder(folder),
      junk: false,
      junkScore: 0,
      tags: [],
      read: fields.read ?? false,
      new: true,
      external: false,
      size: typeof raw === 'string' ? raw.length : raw.byteLength,
    };
    this.messages.set(header.id, {
      header,
      raw: typeof raw === 'string' ? new TextEncoder().encode(raw) : raw,
      received: fields.received ?? new Date('2026-11-27T23:00:00Z'),
    });
    return header;
  }

  /** What the IMAP server holds: hidden copies included, placeholders left out. */
  onServer(folderId: string): MessageHeader[] {
    return [...this.messages.entries()]
      .filter(([id, stored]) => !this.placeholders.has(id) && stored.header.folder?.id === folderId)
      .map(([, stored]) => stored.header);
  }

  inFolder(folderId: string): MessageHeader[] {
    return [...this.messages.values()]
      .filter(stored => !stored.hidden && stored.header.folder?.id === folderId)
      .map(stored => stored.header);
  }

  private page(all: MessageHeader[]): MessageList {
    const first = all.slice(0, PAGE_SIZE);
    const rest = all.slice(PAGE_SIZE);
    if (rest.length === 0) {
      return { id: null, messages: first };
    }
    const id = `page-${this.nextPage++}`;
    this.pages.set(id, rest);
    return { id, messages: first };
  }

  /** A stored message's exact bytes (a copy), for tests that deliver it again or look inside. */
  rawOf(id: number): Uint8Array {
    return this.get(id).raw.slice();
  }

  private get(id: number): StoredMessage {
    const stored = this.messages.get(id);
    if (!stored || stored.hidden) {
      throw new Error(`Message not found: ${id}.`);
    }
    return stored;
  }

  private searchable(folderId: string | undefined): boolean {
    return !this.folders.find(folder => folder.id === folderId)?.unsynced;
  }

  /** imapPseudoMoves: one move, with or without isUserAction. */
  private pseudoMove(ids: number[], target: MailFolder, userAction: boolean): void {
    const originals: MessageHeader[] = [];
    const placeholders: MessageHeader[] = [];
    for (const id of ids) {
      const stored = this.get(id);
      if (this.placeholders.has(id)) {
        // Nothing happens on the server; the placeholder leaves the folder's database.
        this.messages.delete(id);
        this.placeholders.delete(id);
        this.standsFor.delete(id);
        continue;
      }
      this.messages.delete(id);
      const copy: StoredMessage = {
        ...stored,
        header: { ...stored.header, id: this.nextId++, folder: stripFolder(target) },
        hidden: true,
      };
      this.messages.set(copy.header.id, copy);
      if (!userAction) {
        this.arriving.push({ original: structuredClone(stored.header), copy: copy.header.id });
        setTimeout(() => this.arrive(), 0);
        continue;
      }
      // One fake UID per folder: the next placeholder in the folder gets the id of the one before.
      const shared = [...this.standsFor.keys()].find(
        key => this.messages.get(key)?.header.folder?.id === target.id,
      );
      const placeholderId = shared ?? this.nextId++;
      this.placeholders.add(placeholderId);
      this.standsFor.set(placeholderId, copy.header.id);
      const placeholder = { ...copy.header, id: placeholderId };
      this.messages.set(placeholderId, { header: placeholder, raw: new Uint8Array(), received: new Date(0) });
      originals.push(structuredClone(stored.header));
      placeholders.push(structuredClone(placeholder));
    }
    if (placeholders.length > 0) {
      this.events.onMoved.fire({ id: null, messages: originals }, { id: null, messages: placeholders });
    }
  }

  /** Plain moves' copies appear in their folder; onMoved reports them. */
  private arrive(): void {
    const arrived = this.arriving;
    this.arriving = [];
    for (const { original, copy } of arrived) {
      const stored = this.messages.get(copy);
      if (!stored) {
        continue;
      }
      stored.hidden = false;
      this.events.onMoved.fire(
        { id: null, messages: [original] },
        { id: null, messages: [structuredClone(stored.header)] },
      );
    }
  }

  /** Thunderbird updates an IMAP folder: real copies replace the placeholders, under their ids. */
  private updateFolder(folderId: string | undefined): void {
    for (const [placeholderId, realId] of [...this.standsFor]) {
      const placeholder = this.messages.get(placeholderId);
      if (placeholder?.header.folder?.id !== folderId) {
        continue;
      }
      this.standsFor.delete(placeholderId);
      this.placeholders.delete(placeholderId);
      const real = this.messages.get(realId);
      this.messages.delete(realId);
      if (real) {
        this.messages.set(placeholderId, {
          ...real,
          header: { ...real.header, id: placeholderId },
          hidden: false,
        });
      } else {
        this.messages.delete(placeholderId);
      }
    }
    // Real copies whose placeholder was taken over by a later move show up under ids of their own.
    for (const stored of this.messages.values()) {
      if (stored.hidden && stored.header.folder?.id === folderId && !this.arrivingId(stored.header.id)) {
        stored.hidden = false;
      }
    }
  }

  private arrivingId(id: number): boolean {
    return this.arriving.some(entry => entry.copy === id);
  }

  readonly messenger: Messenger = {
    runtime: {
      onMessage: this.events.onMessage,
      onStartup: this.events.onStartup,
      onInstalled: this.events.onInstalled,
      sendMessage: async () => undefined,
      getURL: path => `moz-extension://fake/${path}`,
      openOptionsPage: async () => undefined,
    },
    i18n: { getMessage: localize, getUILanguage: () => this.uiLanguage },
    storage: {
      local: {
        get: async keys => {
          const wanted = keys == null ? [...this.storage.keys()] : typeof keys === 'string' ? [keys] : keys;
          return Object.fromEntries(
            wanted
              .filter(key => this.storage.has(key))
              .map(key => [key, structuredClone(this.storage.get(key))]),
          );
        },
        set: async items => {
          for (const [key, value] of Object.entries(items)) {
            this.storage.set(key, structuredClone(value));
          }
        },
        remove: async keys => {
          for (const key of typeof keys === 'string' ? [keys] : keys) {
            this.storage.delete(key);
          }
        },
      },
    },
    accounts: { list: async () => structuredClone(this.accounts) },
    folders: {
      query: async ({ accountId, specialUse, folderId }) =>
        this.folders
          .filter(
            folder =>
              (accountId === undefined || folder.accountId === accountId) &&
              (folderId === undefined || folder.id === folderId),
          )
          .filter(folder => (specialUse ?? []).every(use => folder.specialUse?.includes(use)))
          .map(stripFolder),
      getFolderInfo: async folderId => ({
        totalMessageCount: this.searchable(folderId) ? this.inFolder(folderId).length : 0,
      }),
    },
    messages: {
      get: async id => structuredClone(this.get(id).header),
      // As Thunderbird's getRaw with data_format "BinaryString": a character per byte.
      getRaw: async id => binaryString(this.get(id).raw),
      list: async folderId =>
        this.page(
          this.searchable(folderId) ? this.inFolder(folderId).map(header => structuredClone(header)) : [],
        ),
      continueList: async listId => {
        const rest = this.pages.get(listId);
        if (!rest) {
          throw new Error(`Unknown message list ${listId}`);
        }
        this.pages.delete(listId);
        return this.page(rest);
      },
      query: async (info: QueryInfo) => {
        // Thunderbird validates against the MV3 schema: an MV2-only key (`unread`) is a type error.
        const unexpected = Object.keys(info).filter(key => !QUERY_KEYS.has(key));
        if (unexpected.length > 0) {
          throw new Error(
            `Type error for parameter queryInfo (Unexpected property "${unexpected[0]}") for messages.query.`,
          );
        }
        const folderIds =
          info.folderId === undefined
            ? undefined
            : typeof info.folderId === 'string'
              ? [info.folderId]
              : info.folderId;
        const found = [...this.messages.values()]
          .filter(stored => !stored.hidden && this.searchable(stored.header.folder?.id))
          .filter(stored => folderIds === undefined || folderIds.includes(stored.header.folder?.id ?? ''))
          .filter(
            stored =>
              info.headerMessageId === undefined || stored.header.headerMessageId === info.headerMessageId,
          )
          .filter(stored => info.read === undefined || stored.header.read === info.read)
          .filter(stored => info.fromDate === undefined || stored.received >= info.fromDate)
          .filter(stored => info.toDate === undefined || stored.received <= info.toDate)
          .map(stored => structuredClone(stored.header));
        this.arrive();
        return this.page(found);
      },
      update: async (id, properties: MessageProperties) => {
        this.calls.push(`update ${id} ${JSON.stringify(properties)}`);
        const header = this.get(id).header;
        if (this.imapPseudoMoves && this.placeholders.has(id)) {
          this.updateFolder(header.folder?.id);
          return;
        }
        if (this.placeholders.has(id)) {
          // Storing a flag selects the IMAP folder: Thunderbird updates it, the real copies
          // appear under new ids and the placeholders go (the flag on a placeholder is lost).
          const folderId = header.folder?.id;
          for (const [key, stored] of [...this.messages.entries()]) {
            if (stored.header.folder?.id === folderId) {
              if (this.placeholders.has(key)) {
                this.messages.delete(key);
              } else {
                stored.hidden = false;
              }
            }
          }
          return;
        }
        if (properties.junk !== undefined) {
          header.junk = properties.junk;
          header.junkScore = properties.junk ? 100 : 0;
        }
        if (properties.tags !== undefined) {
          for (const tag of properties.tags) {
            if (!this.tags.has(tag)) {
              throw new Error(`Unknown tag ${tag}`);
            }
          }
          header.tags = [...properties.tags];
        }
      },
      move: async (ids, folderId, options) => {
        this.calls.push(`move ${ids.join(',')} -> ${folderId} ${JSON.stringify(options ?? {})}`);
        if (this.failMoves) {
          throw new Error('An unexpected error occurred');
        }
        if (this.silentMoves) {
          return;
        }
        const target = this.folders.find(folder => folder.id === folderId);
        if (!target) {
          throw new Error(`Folder not found: ${folderId}`);
        }
        if (this.imapPseudoMoves) {
          this.pseudoMove(ids, target, options?.isUserAction === true);
          return;
        }
        const originals: MessageHeader[] = [];
        const copies: MessageHeader[] = [];
        for (const id of ids.filter(candidate => !this.placeholders.has(candidate))) {
          const stored = this.get(id);
          this.messages.delete(id);
          // Thunderbird: the copy in the destination is a new message with a new id.
          const moved = {
            ...stored,
            header: { ...stored.header, id: this.nextId++, folder: stripFolder(target) },
          };
          this.messages.set(moved.header.id, moved);
          originals.push(structuredClone(stored.header));
          copies.push(structuredClone(moved.header));
        }
        let reported = copies;
        if (this.imapPlaceholders) {
          // IMAP, as observed in Thunderbird 153: until the destination folder is updated it holds
          // a placeholder with a fake UID, onMoved reports that placeholder, and moving it back
          // does nothing on the server. The real copy stays hidden until the folder is touched.
          reported = copies.map(copy => {
            const placeholder = { ...copy, id: this.nextId++ };
            this.placeholders.add(placeholder.id);
            const real = this.messages.get(copy.id);
            if (real) {
              real.hidden = true;
            }
            this.messages.set(placeholder.id, {
              header: placeholder,
              raw: new Uint8Array(),
              received: new Date(0),
            });
            return structuredClone(placeholder);
          });
        }
        if (copies.length > 0) {
          this.events.onMoved.fire({ id: null, messages: originals }, { id: null, messages: reported });
        }
      },
      onNewMailReceived: this.events.onNewMailReceived,
      onMoved: this.events.onMoved,
      tags: {
        create: async (key, tag, color) => {
          if (this.tags.has(key)) {
            throw new Error(`Tag already exists: ${key}`);
          }
          this.tags.set(key, { tag, color });
          return key;
        },
      },
    },
    messageDisplay: {
      onMessagesDisplayed: this.events.onMessagesDisplayed,
      getDisplayedMessages: async tabId => ({
        id: null,
        messages: (this.displayed.get(tabId) ?? []).map(id => structuredClone(this.get(id).header)),
      }),
    },
    messageDisplayAction: {
      setBadgeText: async ({ text, tabId }) => {
        this.badges.set(tabId ?? -1, { ...this.badges.get(tabId ?? -1), text });
      },
      setBadgeBackgroundColor: async ({ color, tabId }) => {
        this.badges.set(tabId ?? -1, { text: null, ...this.badges.get(tabId ?? -1), color });
      },
      setTitle: async ({ title, tabId }) => {
        this.badges.set(tabId ?? -1, { text: null, ...this.badges.get(tabId ?? -1), title });
      },
      setLabel: async ({ label, tabId }) => {
        this.badges.set(tabId ?? -1, { text: null, ...this.badges.get(tabId ?? -1), label });
      },
    },
    action: { onClicked: this.events.onActionClicked },
    mailTabs: {
      getCurrent: async () => undefined,
      get: async tabId => {
        const folder = this.folders.find(candidate => candidate.id === this.mailTabFolders.get(tabId));
        if (!folder) {
          throw new Error(`Invalid mail tab ID: ${tabId}`);
        }
        return { id: tabId, active: true, displayedFolder: stripFolder(folder) };
      },
    },
    tabs: {
      onRemoved: this.events.onTabRemoved,
      query: async () => [{ id: 1, active: true, type: 'mail' }],
      create: async ({ url }) => {
        this.openedTabs.push(url);
        return { id: 100 + this.openedTabs.length, active: true };
      },
    },
    scripting: {
      messageDisplay: {
        registerScripts: async scripts => {
          for (const script of scripts) {
            if (this.scripts.some(existing => existing.id === script.id)) {
              throw new Error(`A script with id "${script.id}" is already registered.`);
            }
            this.scripts.push(script);
          }
        },
        // As Thunderbird's ext-scripting-tb.js: an id in the filter that is not registered is
        // logged to the console as an error ('The messageDisplayScript with id "…" does not exist.').
        getRegisteredScripts: async filter => {
          const ids = filter?.ids;
          if (!ids) {
            return structuredClone(this.scripts);
          }
          for (const id of ids.filter(id => !this.scripts.some(script => script.id === id))) {
            this.consoleErrors.push(`The messageDisplayScript with id "${id}" does not exist.`);
          }
          return structuredClone(this.scripts.filter(script => ids.includes(script.id)));
        },
        // As Thunderbird: an id in the filter that is not registered throws.
        unregisterScripts: async filter => {
          const ids = filter?.ids ?? this.scripts.map(script => script.id);
          const missing = ids.find(id => !this.scripts.some(script => script.id === id));
          if (missing !== undefined) {
            throw new Error(`The messageDisplayScript with id "${missing}" does not exist.`);
          }
          this.scripts.splice(0, this.scripts.length, ...this.scripts.filter(s => !ids.includes(s.id)));
        },
      },
    },
  };
}

/** queryInfo keys of messages.query in the MV3 schema (Thunderbird 128–153) that the code may use. */
const QUERY_KEYS = new Set([
  'accountId',
  'autoPaginationTimeout',
  'folderId',
  'fromDate',
  'fromMe',
  'headerMessageId',
  'includeSubFolders',
  'messagesPerPage',
  'read',
  'toDate',
]);

function stripFolder(folder: MailFolder & { unsynced?: boolean }): MailFolder {
  const { unsynced: _unsynced, ...rest } = folder;
  return rest;
}

/** Bytes as Thunderbird's getRaw gives them as a "binary string": one character (0–255) per byte. */
function binaryString(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return text;
}
