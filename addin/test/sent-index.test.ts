// The standalone analyzer's Sent folder: mbox or single messages in, lookups and a profile out.
import { describe, expect, test } from 'vitest';
import sentMbox from '../public/samples/sent.mbox?raw';
import { recipientLookup } from '../../shared/src/verdict/testing';
import { indexSent, sentLookup, sentProfile } from '../src/standalone/sent-index';

const enc = (text: string) => new TextEncoder().encode(text);
const single =
  'Message-ID: <Single.ID@Example.org>\r\nFrom: alice@example.org\r\nSubject: hi\r\n\r\nbody\r\n';

describe('indexSent', () => {
  test('reads an mbox and single messages together', () => {
    const index = indexSent([enc(sentMbox), enc(single)]);
    expect(index.summaries).toHaveLength(3);
    for (const id of [
      '3f0c6a4e-1d2b-4c55-9a61-2b7f0e9d8c11@example.org',
      '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d@example.org',
      'single.id@example.org',
    ]) {
      expect(index.hasId(id)).toBe(true);
    }
  });

  test('lookups: found (any case), not-found; an empty Sent folder proves nothing', async () => {
    const lookup = sentLookup(indexSent([enc(single)]));
    expect(
      await lookup([
        { messageId: 'single.id@EXAMPLE.org', role: 'original' },
        { messageId: 'other@example.org', role: 'references' },
      ]),
    ).toEqual({
      // A bounced original's copy comes with its facts (here no Date: a bounce of it cannot be dated).
      'single.id@EXAMPLE.org': { result: 'found', date: undefined, subject: 'hi' },
      'other@example.org': 'not-found',
    });
    expect(await sentLookup(indexSent([]))([{ messageId: 'x@y', role: 'original' }])).toEqual({
      'x@y': 'unavailable',
    });
  });

  test('a notice without an id: found by the recipient, subject and date', async () => {
    const sent =
      'Message-ID: <a@example.org>\r\nFrom: alice@example.org\r\nTo: bob@remote.example\r\n' +
      'Subject: Lunch\r\nDate: Mon, 23 Nov 2026 08:00:00 +0000\r\n\r\nbody\r\n';
    const older =
      'Message-ID: <b@example.org>\r\nFrom: alice@example.org\r\nTo: carol@else.example\r\n' +
      'Subject: Hi\r\nDate: Thu, 1 Oct 2026 08:00:00 +0000\r\n\r\nbody\r\n';
    const request = recipientLookup();
    const lookup = sentLookup(indexSent([enc(sent), enc(older)]));
    expect(await lookup([request])).toEqual({ r: 'found' });
    expect(await lookup([{ ...request, address: 'eve@remote.example' }])).toEqual({ r: 'not-found' });
  });

  test('the profile learns from the sent messages', () => {
    const profile = sentProfile(indexSent([enc(sentMbox)]), ['alice@example.org']);
    expect(profile.sampleSize).toBe(2);
    expect(profile.addresses).toEqual(['alice@example.org']);
    expect(profile.dkimDomains).toContain('example.org');
  });
});
