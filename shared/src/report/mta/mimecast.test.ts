import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import mimecast from './mimecast';

// Mimecast (Sisimai lhost-mimecast-01: "Subject: [Postmaster] Email Delivery Failure", "X-Mimecast-Originator: <>").

test('id is the file name', () => {
  expect(mimecast.id).toBe('mimecast');
});

describe('fires', () => {
  test.each([
    { name: 'subject', sig: { subject: '[Postmaster] Email Delivery Failure' } },
    { name: 'X-Mimecast header', sig: { headers: ['x-mimecast-originator'] } },
  ])('$name', ({ sig: s }) => {
    expect(mimecast.recognise(sig(s))).toBe(true);
  });
});

describe('stays quiet', () => {
  test.each([
    {
      name: 'personal mail',
      sig: {
        subject: 'Lunch on Friday?',
        from: 'alice@example.org',
        body: 'See you at noon.',
        headers: ['from', 'to', 'subject'],
      },
    },
    { name: "other vendors' headers", sig: { headers: ['x-proofpoint-virus-version'] } },
  ])('$name', ({ sig: s }) => {
    expect(mimecast.recognise(sig(s))).toBe(false);
  });
});

// Regression (was a bug): a Mimecast gateway stamps X-Mimecast-Spam-Score / X-Mimecast-MFC-AGG-ID on the inbound mail it
// passes, so every bounce received through one is named "mimecast" whoever wrote it.
test('headers Mimecast adds on inbound mail do not name the writer', () => {
  const s = sig({
    subject: 'Undelivered Mail Returned to Sender',
    headers: ['from', 'x-mimecast-spam-score', 'x-mimecast-mfc-agg-id'],
  });
  expect(mimecast.recognise(s)).toBe(false);
});
