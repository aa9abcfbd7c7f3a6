import { describe, expect, test } from 'vitest';
import { latin1, toLf } from '../mime/bytes';
import { scanStructure } from '../mime/structure';
import { buildContext } from './context';
import { daemonSender, structuralBounce } from './markers';

async function ctxOf(message: string) {
  const bytes = toLf(new TextEncoder().encode(message));
  const text = latin1(bytes);
  return buildContext(bytes, text, scanStructure(text));
}

describe('structuralBounce', () => {
  test.each([
    {
      name: 'qmail separator with a status suffix',
      head: 'From: noreply@mail.example.it\nSubject: Messaggio non consegnato',
      body: '<c@example.it>:\nSorry, no mailbox here by that name. (#5.1.1)\n\n--- Below this line is a copy of the message.\n\nFrom: a',
      want: true,
    },
    {
      name: 'qmail separator without a status: not enough',
      head: 'From: a@example.org\nSubject: x',
      body: 'text\n\n--- Below this line is a copy of the message.\n',
      want: false,
    },
    {
      name: 'Domino',
      head: 'From: router@notes.example.com\nSubject: RE: Budget',
      body: 'User j (j@notes.example.com) not listed in Domino Directory',
      want: true,
    },
    {
      name: 'Exchange 2003',
      head: 'From: postmaster@corp.example.com\nSubject: Undeliverable: x',
      body: 'Your message did not reach some or all of the intended recipients.',
      want: true,
    },
    {
      name: 'GroupWise',
      head: 'From: gwia@gw.example.edu\nSubject: Message status - undeliverable',
      body: 'The message that you sent was undeliverable to the following:',
      want: true,
    },
    {
      name: 'a DSN wrapper whose status part is empty',
      head: 'From: gw@relay.example.com\nSubject: Notification\nContent-Type: multipart/report; report-type=delivery-status; boundary=b',
      body: '--b\nContent-Type: text/plain\n\nhello\n--b--',
      want: true,
    },
    {
      name: 'a person talking about bounces',
      head: 'From: ann@example.org\nSubject: my mail bounced',
      body: 'My message to Bob could not be sent, any idea?',
      want: false,
    },
  ])('$name → $want', async ({ head, body, want }) => {
    const ctx = await ctxOf(`${head}\n\n${body}\n`);
    expect(structuralBounce(ctx, ctx.body)).toBe(want);
  });
});

describe('daemonSender', () => {
  test.each([
    ['From: MAILER-DAEMON@mx.example.org', true],
    ['From: "Mail Delivery System" <postmaster@mx.example.org>', true],
    ['From: <>', true],
    ['From: "Mail Delivery System" <support@phish.example>', false],
    ['From: ann@example.org', false],
  ])('%s → %s', async (head, want) => {
    expect(daemonSender(await ctxOf(`${head}\nSubject: x\n\nbody\n`))).toBe(want);
  });
});
