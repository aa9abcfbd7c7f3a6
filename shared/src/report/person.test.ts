import { describe, expect, test } from 'vitest';
import { latin1, toLf } from '../mime/bytes';
import { scanStructure } from '../mime/structure';
import { buildContext } from './context';
import { personFacts, quotesOrForwards, quotesReport } from './person';

async function facts(message: string) {
  const bytes = toLf(new TextEncoder().encode(message));
  const text = latin1(bytes);
  return personFacts(buildContext(bytes, text, scanStructure(text)));
}

const quoted = '\n\nOn Tue, Bob wrote:\n> one\n> two\n> three\n';

describe('personFacts', () => {
  test.each([
    {
      name: 'Thunderbird reply',
      head: 'From: Ann <ann@example.org>\nSubject: Re: x\nUser-Agent: Mozilla Thunderbird 128.0',
      body: 'ok',
      want: { person: true, forwards: false },
    },
    {
      name: 'Apple Mail forward (Mime-Version stamp)',
      head: 'From: ann@example.org\nSubject: Fwd: x\nMime-Version: 1.0 (Apple Message framework v753.1)',
      body: 'Begin forwarded message:\n\n> From: a',
      want: { person: true, forwards: true },
    },
    {
      name: 'reply with quoted text, no mail program',
      head: 'From: ann@example.org\nSubject: Re: x\nIn-Reply-To: <a@b>',
      body: 'see below' + quoted,
      want: { person: true, forwards: true },
    },
    {
      name: 'reply without quoted text and no mail program: not decided here',
      head: 'From: ann@example.org\nSubject: Re: x\nIn-Reply-To: <a@b>',
      body: 'I am out of the office.',
      want: { person: false, forwards: false },
    },
    {
      name: 'Auto-Submitted vetoes',
      head: 'From: ann@example.org\nSubject: Re: x\nAuto-Submitted: auto-replied\nUser-Agent: Thunderbird',
      body: 'x' + quoted,
      want: { person: false, forwards: false },
    },
    {
      name: 'null return path vetoes',
      head: 'Return-Path: <>\nFrom: ann@example.org\nSubject: Re: x\nX-Mailer: Microsoft Outlook 16.0',
      body: 'x',
      want: { person: false, forwards: false },
    },
    {
      name: 'MTA sender vetoes',
      head: 'From: MAILER-DAEMON@example.org\nSubject: Re: x\nX-Mailer: Microsoft Outlook 16.0',
      body: 'x' + quoted,
      want: { person: false, forwards: false },
    },
    {
      name: 'list owner sender vetoes',
      head: 'From: chess-owner@lists.example.org\nSubject: Re: x\nUser-Agent: Mutt/2.2',
      body: 'x',
      want: { person: false, forwards: false },
    },
  ])('$name', async ({ head, body, want }) => {
    expect(await facts(`${head}\n\n${body}\n`)).toEqual(want);
  });
});

describe('quotesOrForwards', () => {
  test.each([
    ['---------- Forwarded message ---------\nFrom: a', true],
    ['-----Original Message-----\nFrom: a', true],
    ['Hi\n\nFrom: Bob <b@example.org>\nSent: Monday\nTo: me', true],
    ['On Tue, 3 Mar 2026 at 10:00, Bob <b@example.org> wrote:', true],
    ['> a\n> b\n> c', true],
    ['> just one quoted line', false],
    ['I am out of the office until Monday.', false],
  ])('%j → %s', (body, want) => {
    expect(quotesOrForwards(body)).toBe(want);
  });
});

describe('quotesReport', () => {
  test.each([
    ['> From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\n> could not be delivered', true],
    ['From: Microsoft Outlook <postmaster@example.org>\nDelivery has failed to these recipients', true],
    ['> Final-Recipient: rfc822; a@example.com', true],
    ['Your message did not reach some or all of the intended recipients.', true],
    ['Our postmaster@ address is new; the old one could not be delivered to? No idea.', false],
    ['The virus filter quarantined it.', false],
  ])('%j → %s', (body, want) => {
    expect(quotesReport(body)).toBe(want);
  });
});
