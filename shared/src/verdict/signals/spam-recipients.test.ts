import { describe, expect, test } from 'vitest';
import type { Mailbox } from '../../types';
import { analysis, original, outcome, recipient, type SignalCase } from '../testing';
import * as signal from './spam-recipients';

const box = (address: string): Mailbox => ({ name: undefined, address });
const many = Array.from({ length: 12 }, (_, i) => box(`user${i}@list${i}.example`));

describe('fires', () => {
  test.each<SignalCase & { direction: string; variant: string }>([
    {
      name: 'a dozen recipients at once',
      analysis: analysis({ original: original({ to: many }) }),
      direction: 'backscatter',
      variant: 'many',
    },
    {
      name: 'undisclosed recipients',
      analysis: analysis({
        original: original({ headers: [{ name: 'to', value: 'undisclosed-recipients:;' }] }),
      }),
      direction: 'backscatter',
      variant: 'undisclosed',
    },
    {
      name: 'from the user to the user, failed at a stranger',
      analysis: analysis({
        original: original({ from: [box('alice@example.org')], to: [box('alice@example.org')] }),
        recipients: [recipient({ address: 'x@remote.example' })],
      }),
      direction: 'backscatter',
      variant: 'self',
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: c.direction, variant: c.variant });
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    {
      name: 'one ordinary recipient',
      analysis: analysis({
        original: original({ from: [box('alice@example.org')], to: [box('bob@remote.example')] }),
      }),
    },
    {
      name: 'a note to self that bounced at self',
      analysis: analysis({
        original: original({ from: [box('a@x.example')], to: [box('a@x.example')] }),
        recipients: [recipient({ address: 'a@x.example' })],
      }),
    },
    { name: 'no original', analysis: analysis() },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});
