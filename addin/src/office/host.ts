// What the host gives us right now: which item, in which mode, with which Mailbox requirement set.
// Every newer call is guarded here with isSetSupported, because the manifest asks for Mailbox 1.1
// only (specify-api-requirements-runtime).

/** getAsFileAsync (Base64 EML) arrived in Mailbox 1.14. */
export const MAILBOX_EML = '1.14';
/** getAllInternetHeadersAsync + getAttachmentContentAsync: the fallback reader needs 1.8. */
export const MAILBOX_READ_FALLBACK = '1.8';
/** ItemChanged for a pinned task pane: Mailbox 1.5. */
export const MAILBOX_PINNING = '1.5';

export function mailboxSupports(version: string): boolean {
  return Office.context.requirements.isSetSupported('Mailbox', version);
}

export type ItemState =
  | { kind: 'none' } // pinned pane with nothing (or an unsupported item) selected: ItemChanged sends null
  | { kind: 'compose' }
  | { kind: 'not-message'; itemType: string }
  | { kind: 'message'; item: Office.MessageRead };

export function currentItem(): ItemState {
  const item = Office.context.mailbox.item as
    Office.MessageRead | Office.MessageCompose | Office.AppointmentRead | null | undefined;
  if (item == null) {
    return { kind: 'none' };
  }
  if (String(item.itemType) !== String(Office.MailboxEnums.ItemType.Message)) {
    return { kind: 'not-message', itemType: String(item.itemType) };
  }
  // In compose mode subject is an object with getAsync/setAsync; in read mode it is the string
  // (office.messagecompose vs office.messageread).
  if (typeof (item as { subject?: unknown }).subject !== 'string') {
    return { kind: 'compose' };
  }
  return { kind: 'message', item: item as Office.MessageRead };
}

/** The REST/Graph id of a read item (its itemId is an EWS id; convertToRestId, Mailbox 1.3). */
export function restIdOf(item: Office.MessageRead): string {
  return Office.context.mailbox.convertToRestId(item.itemId, Office.MailboxEnums.RestVersion.v2_0);
}

/** The signed-in user's address, lower-cased: the one address every profile starts from. */
export function userAddress(): string | undefined {
  return Office.context.mailbox.userProfile?.emailAddress?.toLowerCase();
}

/** "en-US", "de-DE", …: the Office UI language (Office.context.displayLanguage). */
export function displayLanguage(): string {
  return Office.context.displayLanguage ?? 'en-US';
}

/**
 * Opens a message found through Graph in Outlook's own reading form: Graph (REST v2) id → EWS id
 * (convertToEwsId, Mailbox 1.3) → displayMessageForm (Mailbox 1.1).
 */
export function openMessageForm(graphId: string): void {
  Office.context.mailbox.displayMessageForm(
    Office.context.mailbox.convertToEwsId(graphId, Office.MailboxEnums.RestVersion.v2_0),
  );
}
