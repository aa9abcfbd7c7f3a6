import { describe, expect, test } from 'vitest';
import { analysis, original, outcome, profile, type SignalCase } from '../testing';
import * as signal from './spam-content';

const learned = profile(['alice@example.org'], { charsets: ['utf-8'], sampleSize: 30 });

describe('fires', () => {
  test.each<SignalCase & { direction: string; variant: string }>([
    {
      name: 'spam words in the subject',
      analysis: analysis({ original: original({ subject: 'Best online CASINO bonus' }) }),
      direction: 'backscatter',
      variant: 'terms',
    },
    {
      name: 'spam words in the body',
      analysis: analysis({ original: original({ bodyExcerpt: 'Cheap meds, no prescription needed' }) }),
      direction: 'backscatter',
      variant: 'terms',
    },
    {
      name: 'quoted subject of an auto-reply',
      analysis: analysis({
        kind: 'auto-reply',
        recipients: [],
        answering: { inReplyTo: undefined, references: [], quotedSubject: 'You have won!' },
      }),
      direction: 'backscatter',
      variant: 'terms',
    },
    {
      name: 'a charset the user never writes in',
      analysis: analysis({ original: original({ charsets: ['koi8-r'] }) }),
      profile: learned,
      direction: 'backscatter',
      variant: 'charset',
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: c.direction, variant: c.variant });
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    {
      name: 'ordinary subject',
      analysis: analysis({
        original: original({
          subject: 'Minutes of Tuesday’s meeting',
          bodyExcerpt: 'Hi Bob, attached are the minutes.',
        }),
      }),
    },
    {
      name: 'a word that merely contains a term',
      analysis: analysis({ original: original({ subject: 'Casinos in history: a seminar' }) }),
    },
    {
      name: 'common charset',
      analysis: analysis({ original: original({ charsets: ['iso-8859-1'] }) }),
      profile: learned,
    },
    {
      name: 'charset unknown to an unlearned profile',
      analysis: analysis({ original: original({ charsets: ['koi8-r'] }) }),
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});
