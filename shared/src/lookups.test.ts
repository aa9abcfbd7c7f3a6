import { describe, expect, test } from 'vitest';
import { analyze } from './analyze';
import { lookupsFor, LOOKUP_WINDOW_HOURS } from './lookups';
import type { RecipientLookup } from './types';
import { analysis, original, recipient, reportWithoutOriginal } from './verdict/testing';

const bounceDate = 'Mon, 23 Nov 2026 12:00:00 +0000';
const mb = (address: string) => ({ name: undefined, address });
const byRecipient = (a: Parameters<typeof lookupsFor>[0]): RecipientLookup | undefined => {
  const l = lookupsFor(a).find(x => x.kind === 'by-recipient');
  return l?.kind === 'by-recipient' ? l : undefined;
};

describe('lookupsFor', () => {
  test('an original with a Message-ID: the id only', () => {
    const a = analysis({ date: bounceDate, original: original({ messageId: 'abc@example.org' }) });
    expect(lookupsFor(a)).toEqual([{ messageId: 'abc@example.org', role: 'original' }]);
  });

  test('no original: the failed recipient around the notice’s date, six days either way', () => {
    expect(byRecipient(analysis({ date: bounceDate }))).toEqual({
      kind: 'by-recipient',
      key: 'by-recipient:original:bob@remote.example:2026-11-23T12:00:00.000Z:144:',
      role: 'original',
      address: 'bob@remote.example',
      subject: undefined,
      date: '2026-11-23T12:00:00.000Z',
      windowHours: LOOKUP_WINDOW_HOURS.noticeDate,
    });
  });

  test('Exchange names the subject in its own: "Undeliverable: …"', () => {
    const a = analysis({ date: bounceDate, subject: 'Undeliverable: RE: Angebot 2027' });
    expect(byRecipient(a)?.subject).toBe('angebot 2027');
  });

  test('an original without Message-ID: its To, subject and Date, a day either way', () => {
    const a = analysis({
      date: bounceDate,
      recipients: [recipient({ address: 'Bob@Remote.example' })],
      original: original({
        to: [mb('bob@remote.example')],
        subject: 'Re: Lunch',
        date: 'Sun, 22 Nov 2026 09:00:00 +0100',
      }),
    });
    expect(byRecipient(a)).toMatchObject({
      address: 'bob@remote.example',
      subject: 'lunch',
      date: '2026-11-22T08:00:00.000Z',
      windowHours: LOOKUP_WINDOW_HOURS.quotedDate,
    });
  });

  test('an alias expanded on the way: the address the user wrote to, not the reported one', () => {
    const a = analysis({
      date: bounceDate,
      recipients: [recipient({ address: 'bob@gmail.example' })],
      original: original({ to: [mb('bob@uni.example')] }),
    });
    expect(byRecipient(a)?.address).toBe('bob@uni.example');
  });

  test('an auto-reply naming no message: its sender, the quoted subject, three days', () => {
    const a = analysis({
      kind: 'auto-reply',
      date: bounceDate,
      recipients: [],
      from: mb('carol@remote.example'),
      answering: { inReplyTo: undefined, references: [], quotedSubject: 'Offer' },
    });
    expect(byRecipient(a)).toMatchObject({
      role: 'answered',
      address: 'carol@remote.example',
      subject: 'offer',
      windowHours: LOOKUP_WINDOW_HOURS.autoReply,
    });
  });

  test.each([
    [
      'an auto-reply that names its message',
      {
        kind: 'auto-reply' as const,
        answering: { inReplyTo: 'x@y.example', references: [], quotedSubject: undefined },
      },
    ],
    [
      'a challenge (sent by the vendor, not the person written to)',
      { kind: 'challenge' as const, recipients: [] },
    ],
    ['a notice without a date', { date: undefined }],
    ['a notice naming no address', { recipients: [recipient({ address: 'undisclosed' })] }],
    ['a read receipt', { kind: 'read-receipt' as const }],
  ])('none for %s', (_name, fields) => {
    expect(byRecipient(analysis({ date: bounceDate, ...fields }))).toBeUndefined();
  });
});

test('analyze() asks for a by-recipient lookup when the report carries no original', async () => {
  const message = reportWithoutOriginal('bob@remote.example', bounceDate);
  const a = await analyze(new TextEncoder().encode(message));
  expect(a.kind).toBe('ndr');
  expect(a.lookups).toEqual([
    expect.objectContaining({
      kind: 'by-recipient',
      address: 'bob@remote.example',
      date: '2026-11-23T12:00:00.000Z',
    }),
  ]);
});
