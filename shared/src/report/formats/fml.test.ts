import { describe, expect, test } from 'vitest';
import { latin1, toLf } from '../../mime/bytes';
import { scanStructure } from '../../mime/structure';
import { buildContext } from '../context';
import fml from './fml';

async function match(message: string) {
  const bytes = toLf(new TextEncoder().encode(message));
  const text = latin1(bytes);
  return fml.match(buildContext(bytes, text, scanStructure(text)));
}

describe('fires', () => {
  test.each([
    {
      // Sisimai lhost-fml samples: a post from a non-member, refused by the list.
      name: 'post from a non-member',
      message: `From: nyaan-admin@ml.example.jp
To: shironeko@example.org
Subject: Rejected: Re: nyaan

You are not a member of this mailing list <nyaan@ml.example.jp>.

If you know the general guide of this list, please send mail with
the mail body "guide" to the address <nyaan-ctl@ml.example.jp>.
`,
      address: 'nyaan@ml.example.jp',
      reason: 'spam-blocked',
    },
    {
      name: '"Loop Alert: Duplicated Message-ID"',
      message: `From: list-admin@example.co.jp
Subject: Loop Alert: Duplicated Message-ID

Duplicated Message-ID in <list@example.co.jp>.
`,
      address: 'list@example.co.jp',
      reason: 'network-error',
    },
    {
      name: 'rejected by the list, -request sender',
      message:
        'From: neko-request@ml.example.jp\nSubject: x\n\nYour post was rejected by the ML <neko@ml.example.jp> policy.\n',
      address: 'neko@ml.example.jp',
      reason: 'spam-blocked',
    },
  ])('$name', async ({ message, address, reason }) => {
    const r = await match(message);
    expect(r?.kind).toBe('ndr');
    expect(r?.recipients.map(x => [x.address, x.action, x.reason])).toEqual([[address, 'failed', reason]]);
  });
});

describe('stays quiet', () => {
  test.each([
    {
      name: 'the same words from an ordinary sender',
      message:
        'From: alice@example.org\nSubject: x\n\nYou are not a member of this mailing list <nyaan@ml.example.jp>.\n',
    },
    {
      name: 'a list admin writing something else',
      message: 'From: nyaan-admin@ml.example.jp\nSubject: Welcome\n\nWelcome to the list.\n',
    },
  ])('$name', async ({ message }) => {
    expect(await match(message)).toBeUndefined();
  });
});
