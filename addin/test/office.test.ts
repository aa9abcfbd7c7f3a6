// The Office adapters against the fake host (fake-office.ts follows the documented shapes).
import { afterEach, describe, expect, test } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../src/office/base64';
import { onItemChanged } from '../src/office/item-changed';
import { currentItem } from '../src/office/host';
import {
  fitNotification,
  MAX_NOTIFICATION_CHARS,
  MAX_NOTIFICATION_KEY_CHARS,
  NOTIFICATION_KEY,
  showVerdictNotification,
} from '../src/office/notify';
import {
  headersFromItem,
  readMessage,
  stripMimeHeaders,
  UnsupportedMailboxError,
} from '../src/office/read-message';
import { createFakeOffice, type FakeHost, type FakeMessage } from './fake-office';

const EML = [
  'From: MAILER-DAEMON@mx.example.net',
  'To: user@example.org',
  'Subject: Undelivered Mail Returned to Sender',
  'Content-Type: text/plain; charset=iso-8859-1',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Grüße: 8-bit body',
  '',
].join('\r\n');

const message: FakeMessage = {
  itemId: 'AAMk/abc+1=',
  subject: 'Undelivered Mail Returned to Sender',
  eml: EML,
};

function install(options: Partial<Parameters<typeof createFakeOffice>[0]> = {}): FakeHost {
  const host = createFakeOffice({
    mailbox: '1.14',
    userAddress: 'user@example.org',
    item: message,
    ...options,
  });
  (globalThis as Record<string, unknown>)['Office'] = host.Office;
  return host;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)['Office'];
});

describe('base64ToBytes', () => {
  test.each([
    ['', []],
    ['AA==', [0]],
    ['/w==', [255]],
    ['AAEC', [0, 1, 2]],
    ['gIH+/w', [0x80, 0x81, 0xfe, 0xff]],
    ['gI\r\nH+\n/w==', [0x80, 0x81, 0xfe, 0xff]],
    ['gIH-_w', [0x80, 0x81, 0xfe, 0xff]],
  ])('decodes %j', (input, bytes) => {
    expect([...base64ToBytes(input)]).toEqual(bytes);
  });

  test.each(['A*==', 'AA==AA', 'é'])('rejects %j', input => {
    expect(() => base64ToBytes(input)).toThrow(TypeError);
  });

  test('round-trips every byte value, unlike a text decode of atob output', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...base64ToBytes(bytesToBase64(all))]).toEqual([...all]);
    expect(bytesToBase64(all)).toBe(btoa(String.fromCharCode(...all)));
  });
});

describe('readMessage', () => {
  test('Mailbox 1.14: getAsFileAsync Base64 EML, bytes kept exactly (UTF-8 ü stays 0xC3 0xBC)', async () => {
    const host = install();
    const read = await readMessage(Office.context.mailbox.item as Office.MessageRead);
    expect(read.source).toBe('eml');
    expect(host.calls).toEqual(['getAsFileAsync']);
    expect(new TextDecoder().decode(read.bytes)).toBe(EML);
    const at = new TextDecoder().decode(read.bytes).indexOf('Gr');
    expect([...read.bytes.slice(at + 2, at + 4)]).toEqual([0xc3, 0xbc]);
  });

  test('Mailbox 1.8: rebuilt from headers, text body and attachments', async () => {
    const host = install({
      mailbox: '1.8',
      item: {
        ...message,
        attachments: [
          {
            id: 'att1',
            name: 'original.eml',
            contentType: 'message/rfc822',
            attachmentType: 'item',
            format: 'eml',
            content: 'From: user@example.org\nMessage-ID: <x@example.org>\n\nhello\n',
          },
          {
            id: 'att2',
            name: 'details.txt',
            contentType: 'message/delivery-status',
            attachmentType: 'file',
            format: 'base64',
            content: bytesToBase64(new TextEncoder().encode('Reporting-MTA: dns; mx.example.net\r\n')),
          },
          {
            id: 'att3',
            name: 'cloud',
            contentType: 'text/plain',
            attachmentType: 'cloud',
            format: 'base64',
            content: '',
          },
        ],
      },
    });
    const read = await readMessage(Office.context.mailbox.item as Office.MessageRead);
    expect(read.source).toBe('rebuilt');
    expect(host.calls).toEqual([
      'getAllInternetHeadersAsync',
      'body.getAsync:text',
      'getAttachmentContentAsync',
      'getAttachmentContentAsync',
    ]);
    const text = new TextDecoder().decode(read.bytes);
    expect(text).toContain('Subject: Undelivered Mail Returned to Sender\r\n');
    expect(text).not.toContain('charset=iso-8859-1');
    expect(text).toMatch(/Content-Type: multipart\/report; report-type=delivery-status; boundary="bsg-/);
    expect(text).toContain('Content-Type: message/rfc822\r\nContent-Transfer-Encoding: 8bit');
    expect(text).toContain('Message-ID: <x@example.org>\r\n');
    expect(text).toContain(bytesToBase64(new TextEncoder().encode('Grüße: 8-bit body\r\n')).slice(0, 12));
    expect(text.trimEnd()).toMatch(/--bsg-[^-]+-[a-z0-9]+--$/);
  });

  test('below Mailbox 1.8: a clear unsupported error', async () => {
    install({ mailbox: '1.5' });
    await expect(readMessage(Office.context.mailbox.item as Office.MessageRead)).rejects.toBeInstanceOf(
      UnsupportedMailboxError,
    );
  });

  test('stripMimeHeaders drops folded MIME headers and keeps the rest', () => {
    const headers =
      'Subject: a\r\nContent-Type: multipart/mixed;\r\n\tboundary="x"\r\nReceived: from a\r\n by b\r\nMIME-Version: 1.0\r\n';
    expect(stripMimeHeaders(headers)).toBe('Subject: a\r\nReceived: from a\r\n by b');
  });
});

describe('headersFromItem (a Sent item has no internet headers)', () => {
  const item = (fields: Record<string, unknown>) => fields as unknown as Office.MessageRead;
  test.each([
    {
      name: 'the properties as header lines, non-ASCII as encoded words, the date in UTC',
      fields: {
        from: { emailAddress: 'alice@example.org', displayName: 'Alice Ä' },
        to: [{ emailAddress: 'bob@example.com', displayName: 'bob@example.com' }],
        cc: [],
        subject: 'Grüße',
        dateTimeCreated: new Date(Date.UTC(2026, 10, 2, 10, 0, 0)),
        internetMessageId: '<a1@example.org>',
      },
      want: [
        'From: "=?utf-8?B?QWxpY2Ugw4Q=?=" <alice@example.org>',
        'To: <bob@example.com>',
        'Subject: =?utf-8?B?R3LDvMOfZQ==?=',
        'Date: Mon, 02 Nov 2026 10:00:00 +0000',
        'Message-ID: <a1@example.org>',
      ],
    },
    {
      // Display names and subjects are written by whoever sent the message: a line break in one must
      // not become a header of its own.
      name: 'line breaks and quotes in names cannot add header lines',
      fields: {
        from: { emailAddress: 'alice@example.org', displayName: 'A"\r\nBcc: x@evil.example' },
        to: [{ emailAddress: 'not an address\r\nX: y', displayName: 'n' }],
        subject: 'Hi\r\nReply-To: x@evil.example',
        internetMessageId: '<a1@example.org>\r\nX: y',
      },
      want: ['From: "A Bcc: x@evil.example" <alice@example.org>', 'Subject: Hi Reply-To: x@evil.example'],
    },
    { name: 'nothing known: no lines', fields: { to: null, subject: '' }, want: [] },
  ])('$name', ({ fields, want }) => {
    const text = headersFromItem(item(fields));
    expect(text === '' ? [] : text.split('\r\n')).toEqual(want);
  });
});

describe('notifications', () => {
  test('one persistent informational message with an icon, under a key within 32 characters', async () => {
    const host = install();
    const item = Office.context.mailbox.item as Office.MessageRead;
    await showVerdictNotification(item, 'Likely backscatter: first');
    await showVerdictNotification(item, 'Likely backscatter: second');
    expect(NOTIFICATION_KEY.length).toBeLessThanOrEqual(MAX_NOTIFICATION_KEY_CHARS);
    expect(host.notifications.get(message.itemId)).toEqual([
      {
        key: NOTIFICATION_KEY,
        type: 'informationalMessage',
        message: 'Likely backscatter: second',
        icon: 'Icon.16',
        persistent: true,
      },
    ]);
  });

  test('a long text is cut to 150 characters, so the host never throws ArgumentOutOfRange', async () => {
    const host = install();
    const long = `Real bounce: your message to ${'someone.with.a.very.long.name@'.repeat(5)}example.org was not delivered.`;
    expect(long.length).toBeGreaterThan(MAX_NOTIFICATION_CHARS);
    await showVerdictNotification(Office.context.mailbox.item as Office.MessageRead, long);
    const shown = host.notifications.get(message.itemId)?.[0]?.message ?? '';
    expect(shown.length).toBeLessThanOrEqual(MAX_NOTIFICATION_CHARS);
    expect(shown.endsWith('…')).toBe(true);
  });

  test('the fake host enforces the documented limits (the checks above can fail)', async () => {
    const host = install();
    const item = Office.context.mailbox.item as Office.MessageRead;
    const details = (text: string) => ({
      type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage,
      message: text,
      icon: 'Icon.16',
      persistent: true,
    });
    expect(() => item.notificationMessages.addAsync('k', details('x'.repeat(151)))).toThrow(/out of range/);
    for (let i = 0; i < 5; i++) {
      await new Promise<void>(resolve =>
        item.notificationMessages.addAsync(`k${i}`, details('x'), () => resolve()),
      );
    }
    const sixth = await new Promise<Office.AsyncResult<void>>(resolve =>
      item.notificationMessages.addAsync('k5', details('x'), resolve),
    );
    expect(sixth.error?.name).toBe('NumberOfNotificationMessagesExceeded');
    expect(host.notifications.get(message.itemId)).toHaveLength(5);
  });

  test.each([
    ['short text', 'short text'],
    ['  spaced \n text  ', 'spaced text'],
  ])('fitNotification(%j)', (input, output) => {
    expect(fitNotification(input)).toBe(output);
  });
});

describe('item state and ItemChanged', () => {
  test.each([
    ['read message', message, 'message'],
    ['no item', null, 'none'],
    ['compose item', { ...message, compose: true }, 'compose'],
    ['appointment', { ...message, itemType: 'appointment' as const }, 'not-message'],
  ])('%s', (_name, item, kind) => {
    install({ item });
    expect(currentItem().kind).toBe(kind);
  });

  test('the handler runs after the item changed, including to null', async () => {
    const host = install();
    const seen: string[] = [];
    let done: () => void = () => undefined;
    const twice = new Promise<void>(resolve => (done = resolve));
    expect(
      await onItemChanged(() => {
        seen.push(currentItem().kind);
        if (seen.length === 2) {
          done();
        }
      }),
    ).toBe(true);
    host.selectItem({ ...message, itemId: 'second' });
    await new Promise(resolve => setTimeout(resolve, 5));
    host.selectItem(null);
    await twice;
    expect(seen).toEqual(['message', 'none']);
  });

  test('below Mailbox 1.5 there is no ItemChanged to register', async () => {
    install({ mailbox: '1.4' });
    expect(await onItemChanged(() => undefined)).toBe(false);
  });
});
