// Test helper for the recogniser tables: a Signature from the few fields a case names.
import type { Signature } from './types';

export const sig = (s: Partial<Omit<Signature, 'headers'>> & { headers?: string[] }): Signature => ({
  subject: s.subject ?? '',
  from: s.from ?? '',
  body: s.body ?? '',
  text: (s.body ?? '').toLowerCase(),
  headers: new Set(s.headers ?? []),
});
