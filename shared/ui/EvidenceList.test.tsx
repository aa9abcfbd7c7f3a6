import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { Evidence } from '../src/types';
import { EvidenceList } from './EvidenceList';
import { dmarcFail, foreignEntry, noOriginal, sentNotFound } from './fixtures';

afterEach(cleanup);

describe('EvidenceList', () => {
  test.each<{
    name: string;
    evidence: Evidence[];
    props: { limit?: number; includeNeutral?: boolean };
    signals: string[];
  }>([
    {
      name: 'all, in the given order',
      evidence: [sentNotFound, foreignEntry, noOriginal],
      props: {},
      signals: ['sent-original', 'entry-hop', 'no-original'],
    },
    {
      name: 'limited',
      evidence: [sentNotFound, foreignEntry, dmarcFail],
      props: { limit: 1 },
      signals: ['sent-original'],
    },
    {
      name: 'without neutral notes',
      evidence: [noOriginal, dmarcFail],
      props: { includeNeutral: false },
      signals: ['original-auth'],
    },
  ])('$name', ({ evidence, props, signals }) => {
    const { container } = render(<EvidenceList evidence={evidence} {...props} />);
    expect([...container.querySelectorAll('li')].map(li => li.getAttribute('data-signal'))).toEqual(signals);
  });

  test.each([
    [
      dmarcFail,
      'Points to backscatter: The recipient’s server found that dmarc failed (fail) for example.org.',
    ],
    [
      foreignEntry,
      'Points to backscatter: It reached the recipient’s side from dsl-187-1-2-3.example.net [187.1.2.3], which is not one of your outgoing servers.',
    ],
    [noOriginal, 'Note: The notice does not include the message it is about, so that cannot be checked.'],
  ])('%o reads as plain words', (item, text) => {
    const { container } = render(<EvidenceList evidence={[item]} />);
    expect(container.querySelector('li')?.textContent).toBe(text);
  });

  test('renders nothing for no evidence', () => {
    const { container } = render(<EvidenceList evidence={[noOriginal]} includeNeutral={false} />);
    expect(container.innerHTML).toBe('');
  });
});
