import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze';
import { handedOver } from './handed-over';

const corpus = path.resolve(import.meta.dirname, '../../../test/corpus/sisimai/maildir/bsd');

describe('handedOver: the reporter’s record of who handed it the message', () => {
  test.each<{ name: string; dsn?: string; text?: string; host?: string; ip?: string; helo?: string }>([
    {
      // RFC 3464 §2.2.4; Sendmail writes "[ip]" when it found no name (rfc3464-06).
      name: 'Received-From-MTA with an address literal only',
      dsn: 'Reporting-MTA: dns; mxr45.example.net\nReceived-From-MTA: DNS; [192.0.2.231]\nArrival-Date: x\n',
      ip: '192.0.2.231',
    },
    {
      name: 'Received-From-MTA naming a dial-up host (lhost-sendmail-01)',
      dsn: 'Reporting-MTA: dns; mx.example.jp\nReceived-From-MTA: DNS; p0000-ipbfpfx00kyoto.kyoto.example.co.jp\n',
      host: 'p0000-ipbfpfx00kyoto.kyoto.example.co.jp',
    },
    {
      name: 'Received-From-MTA in the "helo (rdns [ip])" layout (Courier)',
      dsn: 'Received-From-MTA: dns; helo.example.org (mail.example.org [198.51.100.7])\n',
      host: 'mail.example.org',
      helo: 'helo.example.org',
      ip: '198.51.100.7',
    },
    {
      name: 'indented, as Exchange writes the fields',
      dsn: '   Reporting-MTA: dns;mx9.example.net\n   Received-From-MTA: dns;mx9.example.net\n',
      host: 'mx9.example.net',
    },
    {
      name: 'Sendmail’s text: "The original message was received at … from HOST [IP]"',
      text: 'The original message was received at Thu, 29 Apr 2000 23:34:45 +0900 (JST)\nfrom mail52.example.com [192.0.2.90]\n\n   ----- The following addresses had permanent fatal errors -----\n',
      host: 'mail52.example.com',
      ip: '192.0.2.90',
    },
    {
      name: 'Sendmail’s text with "with id" on the same line',
      text: 'The original message was received at Mon, 11 May 2013 00:00:00 +0900 from [203.0.113.5] with id r4B0037M000000\n',
      ip: '203.0.113.5',
    },
    {
      name: 'the field names the host, the text adds its address',
      dsn: 'Received-From-MTA: DNS; mail-wr1-f54.google.com\n',
      text: 'The original message was received at x\nfrom mail-wr1-f54.google.com [209.85.221.54]\n',
      host: 'mail-wr1-f54.google.com',
      ip: '209.85.221.54',
    },
    {
      // The cheap case-insensitive look before the lower-cased copy must let any capitalisation through.
      name: 'field and text in capitals',
      text: 'RECEIVED-FROM-MTA: DNS; [192.0.2.7]\nTHE ORIGINAL MESSAGE WAS RECEIVED AT X\nFROM [192.0.2.7]\n',
      ip: '192.0.2.7',
    },
    {
      name: 'the DSN part wins over the text',
      dsn: 'Received-From-MTA: DNS; [192.0.2.231]\n',
      text: 'The original message was received at x\nfrom [192.0.2.230]\n',
      ip: '192.0.2.231',
    },
  ])('$name', c => {
    const h = handedOver(c.dsn, c.text ?? '');
    expect(h).toBeDefined();
    expect({ host: h!.host, ip: h!.ip, helo: h!.helo }).toEqual({ host: c.host, ip: c.ip, helo: c.helo });
  });

  test.each<{ name: string; dsn?: string; text: string }>([
    { name: 'nothing recorded', text: 'Delivery to the following recipients failed.\n' },
    {
      // Gmail's DSN names the account that submitted it: an address, no host.
      name: 'an address, not a host',
      dsn: 'Reporting-MTA: dns; googlemail.com\nReceived-From-MTA: dns; sironeko@example.jp\n',
      text: '',
    },
    {
      name: 'Sendmail names the local sender (lhost-x1-03)',
      text: 'The original message was received at 06 Jan 2025 22:22:29 +0900\nfrom nekochan@example.co.jp\n',
    },
    {
      // Postfix's "host X said" and Exim's "SMTP error from remote mail server" name where the message
      // was going, not who handed it over.
      name: 'the server the message was going to',
      text: '<a@b.example>: host mx.b.example[192.0.2.9] said: 550 5.1.1 unknown user\n',
    },
    {
      name: 'the field name inside a diagnostic, not at the start of a line',
      text: 'Diagnostic-Code: smtp; 550 see Received-From-MTA: dns; [192.0.2.1]\n',
    },
  ])('says nothing: $name', c => {
    expect(handedOver(c.dsn, c.text)).toBeUndefined();
  });

  test('bounded work on hostile input', () => {
    const hostile = `x ${'received-from-mta: '.repeat(50_000)}`;
    const start = performance.now();
    expect(handedOver(hostile, hostile)).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('analyze() carries it', () => {
  test.each([
    // Sendmail 8.8: "Received-From-MTA: DNS; [192.0.2.231]" (no name found for the client).
    { file: 'rfc3464-06.eml', ip: '192.0.2.231', host: undefined },
    { file: 'lhost-sendmail-01.eml', ip: undefined, host: 'p0000-ipbfpfx00kyoto.kyoto.example.co.jp' },
  ])('$file', async c => {
    const a = await analyze(new Uint8Array(readFileSync(path.join(corpus, c.file))));
    expect({ ip: a.handedOverBy?.ip, host: a.handedOverBy?.host }).toEqual({ ip: c.ip, host: c.host });
  });

  test('ordinary mail carries none', async () => {
    const a = await analyze(
      new TextEncoder().encode(
        'From: a@b.example\nTo: c@d.example\nSubject: hi\n\nReceived-From-MTA: dns; [192.0.2.1]\n',
      ),
    );
    expect(a.handedOverBy).toBeUndefined();
  });
});
