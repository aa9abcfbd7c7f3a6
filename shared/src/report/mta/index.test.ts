// The MTA registry: conventions (every recogniser registered once, id = file name, a test beside it)
// and identifyMta's order (a provider's own domain names it before the software whose phrasing it uses).
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseHeaderBlock } from '../../mime/header-block';
import { identifyMta, MTAS } from './index';

const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter(
    f =>
      f.endsWith('.ts') &&
      !f.endsWith('.test.ts') &&
      f !== 'index.ts' &&
      f !== 'types.ts' &&
      f !== 'testing.ts',
  )
  .map(f => f.slice(0, -3))
  .sort();

describe('registry', () => {
  test('every recogniser file is registered, once', () => {
    expect(MTAS.map(m => m.id).sort()).toEqual(files);
  });

  test.each(files)('%s has a test file beside it', id => {
    expect(readdirSync(dir)).toContain(`${id}.test.ts`);
  });
});

const identify = (headerBlock: string, body = '') => {
  const top = parseHeaderBlock(headerBlock).fields;
  const from = /<?([^<>\s]+@[^<>\s]+)>?\s*$/.exec(top.find(f => f.name === 'from')?.value ?? '')?.[1] ?? '';
  const subject = top.find(f => f.name === 'subject')?.value ?? '';
  return identifyMta(top, subject, from, body);
};

describe('identifyMta', () => {
  test.each([
    {
      // Sisimai lhost-zoho-01: a Postfix subject, but Zoho's own daemon wrote it.
      name: 'the provider’s domain before the software’s subject',
      headers: 'From: mailer-daemon@mail.zoho.com\nSubject: Undelivered Mail Returned to Sender',
      body: '',
      want: 'zoho',
    },
    {
      // Sisimai lhost-gmx-01: GMX runs Exim.
      name: 'GMX running Exim',
      headers: 'From: MAILER-DAEMON@mail.gmx.com\nSubject: Mail delivery failed: returning message to sender',
      body: 'This message was created automatically by mail delivery software.',
      want: 'gmx',
    },
    {
      name: 'Postfix by its text',
      headers:
        'From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)\nSubject: Undelivered Mail Returned to Sender',
      body: 'This is the mail system at host mx.example.jp.',
      want: 'postfix',
    },
    {
      name: 'case of the From address does not matter',
      headers:
        'From: Mail Delivery Subsystem <MAILER-DAEMON@GoogleMail.com>\nSubject: Delivery Status Notification (Failure)',
      body: '',
      want: 'gmail',
    },
    {
      name: 'nothing known',
      headers: 'From: postmaster@example.org\nSubject: Undeliverable message',
      body: 'Your message could not be delivered.',
      want: undefined,
    },
    {
      name: 'a marker past the first 4 KB is not read',
      headers: 'From: postmaster@example.org\nSubject: Undeliverable message',
      body: `${'x'.repeat(5000)}\nThis is the qmail-send program at mx.example.com.`,
      want: undefined,
    },
  ])('$name', ({ headers, body, want }) => {
    expect(identify(headers, body)).toBe(want);
  });

  // Regression (was a bug): see exchange.test.ts; Sisimai lhost-postfix-57 is a Postfix report delivered into Exchange Online.
  test('a Postfix report read from a Microsoft 365 mailbox is Postfix’s', () => {
    const headers = `From: Mail Delivery System <MAILER-DAEMON@rokujo.cr.nyaan.jp>
Subject: Undelivered Mail Returned to Sender
X-MS-Exchange-Organization-Network-Message-Id: 761e4ae2-81c3-4302-eec4-08d6c2f6fefc
X-MS-Exchange-Organization-MessageDirectionality: Incoming
X-MS-Exchange-Organization-AuthAs: Anonymous`;
    expect(identify(headers, 'This is the mail system at host rokujo.cr.nyaan.jp.')).toBe('postfix');
  });
});
