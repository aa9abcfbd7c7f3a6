// The one place the task pane reads message content. Mailbox 1.14: getAsFileAsync gives the whole
// message as Base64 EML. Mailbox 1.8–1.13 (LTSC 2021, classic Mac UI): rebuild a MIME message from
// getAllInternetHeadersAsync, the text body and getAttachmentContentAsync. Either way the EML is one
// Exchange regenerated from its stored properties, not the sender's bytes (graph/outlook-get-mime-message),
// so nothing downstream may rely on byte-exact MIME.
import { officeCall } from './async';
import { base64ToBytes, bytesToBase64 } from './base64';
import { MAILBOX_EML, MAILBOX_READ_FALLBACK, mailboxSupports } from './host';

export type ReadSource = 'eml' | 'rebuilt';

export interface ReadMessage {
  bytes: Uint8Array;
  source: ReadSource;
}

export class UnsupportedMailboxError extends Error {
  constructor() {
    super(`Mailbox ${MAILBOX_READ_FALLBACK} or newer is needed to read the message`);
    this.name = 'UnsupportedMailboxError';
  }
}

export async function readMessage(item: Office.MessageRead): Promise<ReadMessage> {
  if (mailboxSupports(MAILBOX_EML) && typeof item.getAsFileAsync === 'function') {
    const base64 = await officeCall<string>(callback => item.getAsFileAsync(callback));
    return { bytes: base64ToBytes(base64), source: 'eml' };
  }
  if (!mailboxSupports(MAILBOX_READ_FALLBACK)) {
    throw new UnsupportedMailboxError();
  }
  return { bytes: await rebuildMessage(item), source: 'rebuilt' };
}

// Headers the rebuilt message replaces with its own MIME structure.
const MIME_HEADERS = new Set(['content-type', 'content-transfer-encoding', 'mime-version']);

/** Drops the MIME headers from an RFC 5322 header block, folded continuation lines included. */
export function stripMimeHeaders(headers: string): string {
  const lines = headers
    .replace(/\r\n|\r/g, '\n')
    .replace(/\n+$/, '')
    .split('\n');
  const kept: string[] = [];
  let dropping = false;
  for (const line of lines) {
    if (/^[ \t]/.test(line)) {
      if (!dropping) {
        kept.push(line);
      }
      continue;
    }
    const name = line.slice(0, line.indexOf(':')).trim().toLowerCase();
    dropping = MIME_HEADERS.has(name);
    if (!dropping && line.length > 0) {
      kept.push(line);
    }
  }
  return kept.join('\r\n');
}

function wrap76(base64: string): string {
  return base64.replace(/.{1,76}/g, '$&\r\n');
}

interface Part {
  headers: string[];
  body: string;
}

async function attachmentParts(item: Office.MessageRead): Promise<{ parts: Part[]; report: boolean }> {
  const parts: Part[] = [];
  let report = false;
  for (const attachment of item.attachments ?? []) {
    if (String(attachment.attachmentType) === 'cloud') {
      continue;
    }
    let content: Office.AttachmentContent;
    try {
      content = await officeCall<Office.AttachmentContent>(callback =>
        item.getAttachmentContentAsync(attachment.id, callback),
      );
    } catch {
      // Documented failures (AttachmentTypeNotSupported, "Upload and share" files, drag-and-drop items
      // on the web) cost us that part only; the analysis says what it could not see.
      continue;
    }
    const name = attachment.name.replace(/["\\\r\n]/g, '_');
    if (String(content.format) === String(Office.MailboxEnums.AttachmentContentFormat.Eml)) {
      // RFC 2046 §5.2.1: message/rfc822 allows only 7bit, 8bit or binary.
      parts.push({
        headers: [
          'Content-Type: message/rfc822',
          'Content-Transfer-Encoding: 8bit',
          `Content-Disposition: attachment; filename="${name}"`,
        ],
        body: content.content.replace(/\r?\n/g, '\r\n'),
      });
    } else if (String(content.format) === String(Office.MailboxEnums.AttachmentContentFormat.Base64)) {
      const type = /^[\w.+-]+\/[\w.+-]+$/.test(attachment.contentType)
        ? attachment.contentType.toLowerCase()
        : 'application/octet-stream';
      report ||= type === 'message/delivery-status';
      parts.push({
        headers: [
          `Content-Type: ${type}`,
          'Content-Transfer-Encoding: base64',
          `Content-Disposition: attachment; filename="${name}"`,
        ],
        body: wrap76(content.content.replace(/\s+/g, '')),
      });
    }
  }
  return { parts, report };
}

/** One line of header text from a property: no line breaks, no control characters, bounded. */
const headerText = (value: unknown): string =>
  String(value ?? '')
    .replace(/[\x00-\x1f\x7f]+/g, ' ')
    .trim()
    .slice(0, 998);
/** RFC 2047 B-encoding for text that is not ASCII (the engine decodes it as any mail client would). */
const encodedWord = (text: string): string =>
  /^[\x20-\x7e]*$/.test(text) ? text : `=?utf-8?B?${bytesToBase64(new TextEncoder().encode(text))}?=`;
function mailboxText(details: Office.EmailAddressDetails | undefined): string | undefined {
  const address = headerText(details?.emailAddress);
  if (!/^[^\s<>"(),;:@]+@[^\s<>"(),;:@]+$/.test(address)) {
    return undefined;
  }
  const name = headerText(details?.displayName).replace(/["\\]/g, '');
  return name && name.toLowerCase() !== address.toLowerCase()
    ? `"${encodedWord(name)}" <${address}>`
    : `<${address}>`;
}

/**
 * The header block of a message that has no internet headers: one in Sent Items never went through
 * transport, so getAllInternetHeadersAsync gives '' (office-js#4773, #6796). Its properties still say
 * who sent it, to whom, when and under which Message-ID, which is what the engine needs to see the
 * user's own message (and the pane to learn from it) on hosts without getAsFileAsync (Mailbox < 1.14).
 */
export function headersFromItem(item: Office.MessageRead): string {
  const lines: string[] = [];
  const from = mailboxText(item.from ?? item.sender);
  if (from) {
    lines.push(`From: ${from}`);
  }
  for (const [name, list] of [
    ['To', item.to],
    ['Cc', item.cc],
  ] as const) {
    const mailboxes = (list ?? []).map(mailboxText).filter(text => text !== undefined);
    if (mailboxes.length > 0) {
      lines.push(`${name}: ${mailboxes.join(', ')}`);
    }
  }
  const subject = headerText(item.subject);
  if (subject) {
    lines.push(`Subject: ${encodedWord(subject)}`);
  }
  const created = item.dateTimeCreated instanceof Date ? item.dateTimeCreated.getTime() : NaN;
  if (!Number.isNaN(created)) {
    // RFC 5322 §3.3 date-time in UTC.
    lines.push(`Date: ${new Date(created).toUTCString().replace(/ GMT$/, ' +0000')}`);
  }
  const messageId = headerText(item.internetMessageId);
  if (/^<[^<>\s]+>$/.test(messageId)) {
    lines.push(`Message-ID: ${messageId}`);
  }
  return lines.join('\r\n');
}

async function rebuildMessage(item: Office.MessageRead): Promise<Uint8Array> {
  const internetHeaders = await officeCall<string>(callback => item.getAllInternetHeadersAsync(callback));
  const headers = internetHeaders.trim() === '' ? headersFromItem(item) : internetHeaders;
  // Outlook on the web "may not always provide reliable formatting" for Text, but the engine reads
  // words, not layout; HTML would need a second parser in the pane.
  const text = await officeCall<string>(callback => item.body.getAsync(Office.CoercionType.Text, callback));
  const { parts, report } = await attachmentParts(item);
  const boundary = `bsg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const body: Part = {
    headers: ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'],
    body: wrap76(bytesToBase64(new TextEncoder().encode(text))),
  };
  const contentType = report
    ? `multipart/report; report-type=delivery-status; boundary="${boundary}"`
    : `multipart/mixed; boundary="${boundary}"`;
  const head = stripMimeHeaders(headers);
  // No header lines at all: start with MIME-Version, not a blank line that would end the header block.
  const chunks = [...(head ? [head] : []), 'MIME-Version: 1.0', `Content-Type: ${contentType}`, ''];
  for (const part of [body, ...parts]) {
    chunks.push(`--${boundary}`, ...part.headers, '', part.body.replace(/\r\n$/, ''));
  }
  chunks.push(`--${boundary}--`, '');
  return new TextEncoder().encode(chunks.join('\r\n'));
}
