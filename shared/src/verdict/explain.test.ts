import { describe, expect, test } from 'vitest';
import { en } from '../../i18n/en';
import type { RecipientReport } from '../types';
import { explain } from './explain';
import { analysis, recipient } from './testing';

describe('explain picks the key by status, then reason', () => {
  test.each<{ r: Partial<RecipientReport>; kind?: 'ndr' | 'delay' | 'delivery-receipt'; key: string }>([
    { r: { status: '5.1.1', reason: 'user-unknown' }, key: 'explain.user-unknown' },
    { r: { status: '5.2.2', reason: 'mailbox-full' }, key: 'explain.mailbox-full' },
    { r: { status: '5.7.26', reason: 'auth-policy' }, key: 'explain.dmarc-fail' },
    { r: { status: '5.7.23', reason: 'auth-policy' }, key: 'explain.spf-fail' },
    { r: { status: '5.7.1', reason: 'spam-blocked' }, key: 'explain.spam-blocked' },
    { r: { status: '5.7.1', reason: 'relay-denied' }, key: 'explain.relay-denied' },
    { r: { status: undefined, reason: 'too-large' }, key: 'explain.too-large' },
    { r: { status: '4.4.7', reason: 'expired', action: 'delayed' }, kind: 'delay', key: 'explain.delayed' },
    {
      r: { status: '2.0.0', reason: 'other', action: 'delivered' },
      kind: 'delivery-receipt',
      key: 'explain.delivered',
    },
    { r: { status: '5.0.0', reason: 'other' }, key: 'explain.other' },
  ])('$r.status / $r.reason → $key', ({ r, kind, key }) => {
    const [item] = explain(analysis({ kind: kind ?? 'ndr', recipients: [recipient(r)] }));
    expect(item?.key).toBe(key);
    expect(en[key]).toBeDefined();
  });

  test('carries the recipient, status and the server’s words, bounded', () => {
    const [item] = explain(analysis({ recipients: [recipient({ diagnostic: 'x'.repeat(1000) })] }));
    expect(item?.recipient).toBe('bob@remote.example');
    expect(item?.params['recipient']).toBe('bob@remote.example');
    expect(String(item?.params['diagnostic']).length).toBeLessThanOrEqual(300);
  });

  test.each([
    ['auto-reply', 'explain.auto-reply'],
    ['challenge', 'explain.challenge'],
    ['virus-notice', 'explain.virus-notice'],
    ['read-receipt', 'explain.read-receipt'],
  ] as const)('%s gets one message-level item', (kind, key) => {
    expect(explain(analysis({ kind, recipients: [] })).map(i => i.key)).toEqual([key]);
  });

  test('ordinary mail gets none', () => {
    expect(explain(analysis({ kind: 'other', recipients: [] }))).toEqual([]);
  });
});
