// Hand-made Analysis / OriginalMessage objects for formatting tests (plain data, as the engine returns).
import type { Analysis, OriginalMessage, RecipientReport } from '../../shared/src/index';

export function original(over: Partial<OriginalMessage> = {}): OriginalMessage {
  return {
    via: 'message/rfc822',
    headersTruncated: false,
    bodyTruncated: false,
    messageId: 'abc@example.org',
    from: [{ name: 'Me', address: 'me@example.org' }],
    sender: undefined,
    replyTo: [],
    returnPath: undefined,
    to: [{ name: undefined, address: 'nobody@example.net' }],
    cc: [],
    subject: 'Hello there',
    date: 'Thu, 18 Sep 2008 17:53:55 +0900',
    inReplyTo: undefined,
    references: [],
    received: [
      {
        fromHost: 'mail.example.org',
        helo: undefined,
        ip: '192.0.2.1',
        byHost: 'mx.example.net',
        protocol: 'ESMTP',
        date: undefined,
      },
    ],
    auth: [
      {
        source: 'authentication-results',
        authserv: 'mx.example.net',
        method: 'spf',
        result: 'pass',
        domain: 'example.org',
      },
    ],
    dkim: [{ domain: 'example.org', selector: 's1' }],
    userAgent: undefined,
    listId: undefined,
    charsets: ['utf-8'],
    bodyExcerpt: 'hi',
    headers: [],
    ...over,
  };
}

export function recipient(over: Partial<RecipientReport> = {}): RecipientReport {
  return {
    address: 'nobody@example.net',
    action: 'failed',
    status: '5.1.1',
    replyCode: '550',
    diagnostic: '550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown',
    remoteMta: 'mx.example.net',
    reason: 'user-unknown',
    ...over,
  };
}

export function analysis(over: Partial<Analysis> = {}): Analysis {
  return {
    kind: 'ndr',
    format: 'rfc3464',
    subject: 'Undelivered Mail Returned to Sender',
    from: { name: 'Mail Delivery System', address: 'MAILER-DAEMON@mx.example.net' },
    to: [{ name: undefined, address: 'me@example.org' }],
    date: undefined,
    messageId: undefined,
    reportingMta: 'mx.example.net',
    recipients: [recipient()],
    original: original(),
    answering: undefined,
    challengeVendor: undefined,
    lookups: [{ messageId: 'abc@example.org', role: 'original' }],
    warnings: [],
    ...over,
  };
}

export function ordinary(subject = 'Lunch?'): Analysis {
  return analysis({
    kind: 'other',
    format: undefined,
    subject,
    recipients: [],
    original: undefined,
    lookups: [],
    reportingMta: undefined,
  });
}
