import { expect, test } from 'vitest';
import type { RecipientReport } from '../types';
import { contentFilterKind } from './content-filter';

const r = (
  reason: RecipientReport['reason'],
  diagnostic?: string,
  action: RecipientReport['action'] = 'failed',
) => ({
  address: 'a@example.com',
  action,
  status: undefined,
  replyCode: undefined,
  diagnostic,
  remoteMta: undefined,
  reason,
});

test.each([
  {
    name: 'amavis INFECTED',
    kind: 'ndr',
    rcpts: [r('virus-content', '554 5.7.0 Reject - INFECTED: Eicar')],
    words: '',
    want: 'virus-notice',
  },
  {
    name: 'Postfix "Virus Detected"',
    kind: 'ndr',
    rcpts: [r('virus-content', '550 Virus Detected; Content Rejected')],
    words: '',
    want: 'virus-notice',
  },
  {
    name: 'virus named in the report text only',
    kind: 'ndr',
    rcpts: [r('virus-content', '>.')],
    words: 'rejected: Virus detected',
    want: 'virus-notice',
  },
  {
    name: 'attachment type, no virus named',
    kind: 'ndr',
    rcpts: [r('virus-content', '552 5.7.0 banned attachment type .exe')],
    words: '',
    want: 'ndr',
  },
  {
    name: 'spam refusal stays ndr',
    kind: 'ndr',
    rcpts: [r('spam-blocked', '550 5.7.1 rejected as spam')],
    words: '',
    want: 'ndr',
  },
  {
    name: 'one virus, one unknown user: still a failure',
    kind: 'ndr',
    rcpts: [r('virus-content', 'virus'), { ...r('user-unknown', '550 5.1.1'), address: 'b@example.com' }],
    words: '',
    want: 'ndr',
  },
  {
    name: 'a delay is left alone',
    kind: 'delay',
    rcpts: [r('virus-content', 'virus', 'delayed')],
    words: '',
    want: 'delay',
  },
  { name: 'no recipients', kind: 'ndr', rcpts: [], words: 'virus', want: 'ndr' },
] as const)('$name → $want', ({ kind, rcpts, words, want }) => {
  expect(contentFilterKind(kind, rcpts, words)).toBe(want);
});

test('a product name is no finding: "InterScan E-Mail VirusWall" reporting a timeout stays ndr', () => {
  expect(
    contentFilterKind(
      'ndr',
      [r('virus-content', 'Exceeded Maximum Delivery Attempts')],
      '****** Message from InterScan E-Mail VirusWall NT ****** The following mail could not be delivered.',
    ),
  ).toBe('ndr');
});
