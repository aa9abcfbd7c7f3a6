import { describe, expect, test } from 'vitest';
import { latin1, toLf } from '../../mime/bytes';
import { scanStructure } from '../../mime/structure';
import { buildContext } from '../context';
import mlmmj from './mlmmj';

function match(message: string) {
  const bytes = toLf(new TextEncoder().encode(message));
  const text = latin1(bytes);
  return mlmmj.match(buildContext(bytes, text, scanStructure(text)));
}

const BANNER = 'Hi, this is the Mlmmj program managing the <hikers@lists.example.net>\nmailing list.\n\n';

describe('fires', () => {
  test.each([
    {
      name: 'a non-subscriber, "+owner" sender',
      from: 'hikers+owner@lists.example.net',
      because: 'because you are not a list\nsubscriber.',
      reason: 'spam-blocked',
    },
    {
      name: 'an access rule, "-owner" sender',
      from: 'hikers-owner@lists.example.net',
      because: 'because of an access rule set up by the list administrator.',
      reason: 'spam-blocked',
    },
    {
      name: 'the size limit',
      from: 'hikers+owner@lists.example.net',
      because: 'because it exceeded the maximum message size allowed.',
      reason: 'too-large',
    },
  ])('$name', ({ from, because, reason }) => {
    const r = match(
      `From: ${from}\nTo: ann@example.org\nSubject: Post to hikers@lists.example.net denied: Trail\n\n${BANNER}` +
        `The message from <ann@example.org> with subject "Trail" was unable to be delivered to the list ${because}\n`,
    );
    expect(r?.kind).toBe('ndr');
    expect(r?.recipients.map(x => [x.address, x.action, x.reason])).toEqual([
      ['hikers@lists.example.net', 'failed', reason],
    ]);
  });
});

describe('stays quiet', () => {
  test.each([
    {
      name: 'the same notice quoted by a person',
      message: `From: ann@example.org\nSubject: Fwd: denied\n\nWhy this?\n\n> ${BANNER.replace(/\n/g, '\n> ')}> was unable to be delivered to the list because you are not a list subscriber.\n`,
    },
    {
      name: "the list owner's address, a person's words under the banner's quote",
      message: `From: hikers+owner@lists.example.net\nSubject: Re: denied\n\nYou were not subscribed; I added you.\n\n> ${BANNER}`,
    },
    {
      name: 'the banner without a refusal (a welcome)',
      message: `From: hikers+owner@lists.example.net\nSubject: Welcome\n\n${BANNER}You are now subscribed.\n`,
    },
  ])('$name', ({ message }) => {
    expect(match(message)).toBeUndefined();
  });
});
