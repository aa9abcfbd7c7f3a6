import { describe, expect, test } from 'vitest';
import { latin1, toLf } from '../../mime/bytes';
import { scanStructure } from '../../mime/structure';
import { buildContext } from '../context';
import { parseHeaderBlock } from '../../mime/header-block';
import challenge, { ANY_VENDOR, ANY_VENDOR_IN_BLOCK, findVendor, vendorInFields } from './challenge';
import fc from 'fast-check';

async function match(message: string) {
  const bytes = toLf(new TextEncoder().encode(message));
  const text = latin1(bytes);
  return challenge.match(buildContext(bytes, text, scanStructure(text)));
}

describe('fires', () => {
  test.each([
    {
      name: 'Boxbe, sent from its own domain',
      message: `From: "Kijitora (via Boxbe)" <notifications@boxbe.com>
To: shironeko@example.org
Subject: Lunch on Friday (Action Required)
In-Reply-To: <lunch.1@example.org>
References: <thread.0@example.org> <lunch.1@example.org>

Hello shironeko@example.org,

Your message about "Lunch on Friday" is waiting for approval. Kijitora is using Boxbe.
Click the link below to add yourself to my Guest List.
`,
      vendor: 'boxbe',
      answering: {
        inReplyTo: 'lunch.1@example.org',
        references: ['thread.0@example.org', 'lunch.1@example.org'],
        quotedSubject: undefined,
      },
    },
    {
      // Spam Arrest: "Re:" subject, a verification link.
      name: 'Spam Arrest',
      message: `From: kijitora@example.jp
Subject: Re: Lunch on Friday
X-Mailer: Spam Arrest

I am protected by Spam Arrest. Please verify that you are a real person by clicking the link below.
`,
      vendor: 'spamarrest',
      answering: { inReplyTo: undefined, references: [], quotedSubject: 'Lunch on Friday' },
    },
    {
      name: 'generic challenge answering a message',
      message: `From: kijitora@example.jp
Subject: Re: Lunch on Friday
In-Reply-To: <lunch.1@example.org>
Auto-Submitted: auto-replied

Your message is held pending verification. Please confirm that you sent it by replying to this email.
`,
      vendor: undefined,
      answering: { inReplyTo: 'lunch.1@example.org', references: [], quotedSubject: 'Lunch on Friday' },
    },
  ])('$name', async ({ message, vendor, answering }) => {
    expect(await match(message)).toEqual({
      kind: 'challenge',
      recipients: [],
      challengeVendor: vendor,
      answering,
    });
  });
});

/** A delivery-status report from MAILER-DAEMON whose human-readable part says `text`. */
const daemonReport = (text: string) => `From: MAILER-DAEMON@mx.example.jp
Subject: Re: Undelivered
In-Reply-To: <x@example.org>
Content-Type: multipart/report; report-type=delivery-status; boundary="b"

--b
Content-Type: text/plain

${text}
--b
Content-Type: message/delivery-status

Final-Recipient: rfc822; a@example.org
Action: failed
--b--
`;

describe('stays quiet', () => {
  test.each([
    { name: 'personal mail', message: 'From: a@example.org\nSubject: Lunch\n\nFriday?\n' },
    {
      // Double opt-in: it asks to confirm, but answers nothing.
      name: 'a newsletter’s "confirm your address"',
      message:
        'From: news@example.com\nSubject: Welcome\nList-Id: <news.example.com>\n\nPlease confirm your email address to start your subscription.\n',
    },
    {
      name: 'a newsletter about Boxbe that asks nothing',
      message:
        'From: editor@news.example\nSubject: Re: tools we like\n\nThis week we reviewed Boxbe and two other inbox tools.\n',
    },
    {
      name: 'a delivery report without a vendor',
      message: daemonReport('Please verify your address and try again.'),
    },
    {
      // The vendor is named in the returned text only: the report's structure outranks it.
      name: 'a delivery report whose text names Boxbe',
      message: daemonReport(
        'Your message was held by Boxbe. Please verify your address: click the link below.',
      ),
    },
    {
      name: 'an MTA bounce whose returned original asks to verify with Spam Arrest',
      message: `From: Mail Delivery System <MAILER-DAEMON@mx.example.jp>
Subject: Re: Undelivered Mail Returned to Sender
In-Reply-To: <x@example.org>

I am protected by Spam Arrest. Please verify that you are a real person by clicking the link below.
`,
    },
  ])('$name', async ({ message }) => {
    expect(await match(message)).toBeUndefined();
  });
});

// Boxbe sends its challenge as a delivery-status report (Status: 4.7.0): a vendor named in the
// headers outranks the report structure.
test('a delivery report from a vendor named in its headers is a challenge', async () => {
  const message = `From: Boxbe <notifications@boxbe.com>
Subject: Re: Lunch on Friday
In-Reply-To: <lunch.1@example.org>
Content-Type: multipart/report; report-type=delivery-status; boundary="b"

--b
Content-Type: text/plain

Your message is waiting for approval. Click the link below to add yourself to my Guest List.
--b
Content-Type: message/delivery-status

Final-Recipient: rfc822; kijitora@example.jp
Action: delayed
Status: 4.7.0
--b--
`;
  expect(await match(message)).toMatchObject({ kind: 'challenge', challengeVendor: 'boxbe' });
});

// Regression (was a bug): any Auto-Submitted value but "no" counts as answering a message, so a sign-up confirmation the
// user asked for ("Auto-Submitted: auto-generated", RFC 3834 §5: not a response to a message) is a
// challenge, and a verdict may call it backscatter. Only auto-replied answers something.
test('a sign-up confirmation (auto-generated, answering nothing) is not a challenge', async () => {
  const message = `From: GitLab <gitlab@mg.gitlab.com>
To: alice@example.org
Subject: Confirmation instructions
Auto-Submitted: auto-generated
Message-ID: <1@mg.gitlab.com>

Welcome, Alice! You can confirm your email address through the link below:
https://gitlab.com/users/confirmation?confirmation_token=abc
`;
  expect(await match(message)).toBeUndefined();
});

describe('findVendor: the one-pass prefilter keeps every vendor pattern', () => {
  test.each([
    ['X-Boxbe-Challenge: yes', '', 'boxbe'],
    ['', 'protected by SPAM ARREST', 'spamarrest'],
    ['', 'https://spamarrest.com/verify', 'spamarrest'],
    ['X-Bluebottle-Request: 1', '', 'bluebottle'],
    ['', 'MailsBestFriend', 'mailsbestfriend'],
    ['', 'DigiPortal ChoiceMail', 'choicemail'],
    ['Received: from mx.sendio.com', '', 'sendio'],
    ['', 'Mailblocks', 'mailblocks'],
    ['X-Delivery-Agent: TMDA/1.1.12', '', 'tmda'],
    ['', 'Qurb', 'qurb'],
    ['', 'SpamCease', 'spamcease'],
    ['', 'Vanquish', 'vanquish'],
    ['', 'xtmdax sendios', undefined],
    ['Subject: hello', 'nothing here', undefined],
  ])('%j %j', (headers, body, id) => {
    expect(findVendor(headers, body)?.id).toBe(id);
  });
});

// The bounce-marker exit asks ANY_VENDOR of the header fields one by one instead of their joined
// "name: value" text: the answer must be the joined text's, for any fields.
describe('vendorInFields answers as ANY_VENDOR over the joined header text', () => {
  const joined = (fields: { name: string; value: string }[]) =>
    fields.map(f => `${f.name}: ${f.value}`).join('\n');
  const piece = fc.oneof(
    fc.constantFrom(
      'boxbe',
      'spam',
      'arrest',
      ' ',
      ':',
      '\n',
      'Spam Arrest',
      'x-',
      'TMDA',
      'qu',
      'rb',
      'send',
      'io',
    ),
    fc.string({ maxLength: 3 }),
  );
  const text = fc.array(piece, { maxLength: 5 }).map(p => p.join(''));
  test('random fields', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: text, value: text }), { maxLength: 5 }), fields => {
        expect(vendorInFields(fields)).toBe(ANY_VENDOR.test(joined(fields)));
      }),
      { numRuns: 3000 },
    );
  });
  test.each([
    [[{ name: 'x-spam', value: 'arrest' }]],
    [[{ name: 'received', value: 'from mx.boxbe.com' }]],
    [[{ name: 'x-boxbe-challenge', value: 'yes' }]],
    [
      [
        { name: 'subject', value: 'spam' },
        { name: 'arrest', value: '' },
      ],
    ],
  ])('%j', fields => {
    expect(vendorInFields(fields)).toBe(ANY_VENDOR.test(joined(fields)));
  });
});

// The first look over the block the fields were read from may say yes where no field matches, never the
// other way round: a vendor in some field is always in the block.
describe('ANY_VENDOR_IN_BLOCK finds the block of every field list vendorInFields finds', () => {
  const piece = fc.oneof(
    fc.constantFrom(
      'X-Spam: ',
      'Subject: ',
      'Received: ',
      'spam',
      'arrest',
      'Spam ',
      ' Arrest',
      'boxbe',
      'TMDA',
      ' ',
      '\t',
      '\u00a0',
      '\n',
      '\n ',
      '\n\t',
      ';',
      '\nboundary=x',
      ':',
    ),
    fc.string({ maxLength: 3 }),
  );
  test('random header blocks', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), pieces => {
        const block = pieces.join('');
        if (vendorInFields(parseHeaderBlock(block).fields)) {
          expect(ANY_VENDOR_IN_BLOCK.test(block)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });
  test.each([
    ['folded between the words', 'Subject: spam\n arrest\n'],
    ['blanks before the fold', 'Subject: x\n spam \t\n\tarrest\n'],
    ['a name', 'X-Boxbe-Challenge: yes\n'],
    ['a value', 'Received: from mx.SpamArrest.com\n'],
  ])('%s', (_, block) => {
    expect(vendorInFields(parseHeaderBlock(block).fields)).toBe(true);
    expect(ANY_VENDOR_IN_BLOCK.test(block)).toBe(true);
  });
});
