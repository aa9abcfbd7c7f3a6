// Hand-made decisions for the component tests (and for shells' own tests and previews).
import type { Decision, Evidence } from '../src/types';

export const sentNotFound: Evidence = {
  signal: 'sent-original',
  direction: 'backscatter',
  weight: 3,
  params: { variant: 'not-found', messageId: 'abc@mail.gmail.com' },
};

export const foreignEntry: Evidence = {
  signal: 'entry-hop',
  direction: 'backscatter',
  weight: 2.5,
  params: { variant: 'foreign', host: 'dsl-187-1-2-3.example.net', ip: '187.1.2.3' },
};

export const dmarcFail: Evidence = {
  signal: 'original-auth',
  direction: 'backscatter',
  weight: 2,
  params: { variant: 'fail', method: 'dmarc', result: 'fail', domain: 'example.org' },
};

export const spamTerms: Evidence = {
  signal: 'spam-content',
  direction: 'backscatter',
  weight: 1,
  params: { variant: 'terms', terms: ['casino', 'bonus'] },
};

export const noOriginal: Evidence = { signal: 'no-original', direction: 'neutral', weight: 0, params: {} };

export const backscatterDecision: Decision = {
  verdict: 'backscatter',
  confidence: 0.93,
  evidence: [sentNotFound, foreignEntry, dmarcFail, spamTerms],
  explanation: [],
};

export const legitimateDecision: Decision = {
  verdict: 'legitimate',
  confidence: 0.97,
  evidence: [
    {
      signal: 'sent-original',
      direction: 'legitimate',
      weight: 6,
      params: { variant: 'found', messageId: 'x@example.org' },
    },
  ],
  explanation: [
    {
      recipient: 'bob@example.com',
      reason: 'user-unknown',
      status: '5.1.1',
      key: 'explain.user-unknown',
      params: { diagnostic: '550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown' },
    },
  ],
};

export const unsureDecision: Decision = {
  verdict: 'unsure',
  confidence: 0.5,
  evidence: [noOriginal],
  explanation: [
    {
      recipient: 'carol@example.net',
      reason: 'mailbox-full',
      status: '5.2.2',
      key: 'explain.mailbox-full',
      params: {},
    },
  ],
};

export const noVerdict: Decision = { verdict: undefined, confidence: 0, evidence: [], explanation: [] };
