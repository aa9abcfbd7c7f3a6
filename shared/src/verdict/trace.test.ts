import { describe, expect, test } from 'vitest';
import { botLike, fromVerified } from './trace';
import { hop } from './testing';

describe('fromVerified: did the receiver record a reverse name for the sender?', () => {
  describe('fires', () => {
    test.each([
      [
        'Postfix with rDNS',
        'from mail-wr1-f54.google.com (mail-wr1-f54.google.com [209.85.221.54]) by mx.example.org (Postfix) with ESMTPS id 1',
        'mail-wr1-f54.google.com',
      ],
      [
        'Postfix, HELO differs from rDNS',
        'from helo.example (mout.gmx.net [212.227.15.18]) by mx.example.org (Postfix) with ESMTPS id 1',
        'mout.gmx.net',
      ],
      [
        'Exim',
        'from mail.example.net ([203.0.113.5]:41234 helo=mail.example.net) by mx.example.org with esmtps (Exim 4.96)',
        'mail.example.net',
      ],
      [
        // Exim leaves helo= out when the greeting equals the looked-up name.
        'Exim "NAME ([IP]:port)"',
        'from mout.gmx.net ([212.227.15.19]:52811) by mx.example.org with esmtps (Exim 4.96)',
        'mout.gmx.net',
      ],
      [
        // qmail writes the looked-up name first ("unknown" when there is none).
        'qmail "NAME (HELO x) (IP)"',
        'from sonic301-2.consmr.mail.ne1.yahoo.com (HELO sonic301-2.consmr.mail.ne1.yahoo.com) (66.163.184.1) by mx.example.org with SMTP',
        'sonic301-2.consmr.mail.ne1.yahoo.com',
      ],
    ])('%s', (_name, raw, fromHost) => {
      expect(fromVerified(hop({ fromHost }), raw)).toBe(true);
    });
  });
  describe('stays quiet', () => {
    test.each([
      [
        'Postfix without rDNS',
        'from mail.example.org (unknown [187.1.2.3]) by mx.remote.example (Postfix) with ESMTP id 1',
        'mail.example.org',
      ],
      [
        'Sendmail "may be forged"',
        'from helo.example (host.example.net [192.0.2.1] (may be forged)) by mx.remote.example (8.15.2/8.15.2) with ESMTP id x',
        'host.example.net',
      ],
      [
        'Sendmail without rDNS',
        'from helo.example ([192.0.2.1]) by mx.remote.example (8.15.2/8.15.2) with ESMTP id x',
        'helo.example',
      ],
      [
        'Exchange "(IP)"',
        'from EUR05-VI1-obe.outbound.protection.outlook.com (40.107.21.70) by mx.remote.example with Microsoft SMTP Server',
        'eur05-vi1-obe.outbound.protection.outlook.com',
      ],
      ['no name at all', 'from [192.0.2.1] by mx.remote.example with ESMTP', undefined],
    ])('%s', (_name, raw, fromHost) => {
      expect(fromVerified(hop({ fromHost }), raw)).toBe(false);
    });
  });
});

describe('botLike: a sender no mail server would be', () => {
  describe('fires', () => {
    test.each([
      ['dial-up rDNS', hop({ fromHost: 'dsl-187-1-2-3.telecom.example', ip: '187.1.2.3' }), undefined],
      [
        'Exim: no name, only the address and the HELO',
        hop({ ip: '187.1.2.3', helo: 'user' }),
        'from [187.1.2.3] (helo=user) by mx.example with esmtp',
      ],
      [
        'Postfix "unknown"',
        hop({ fromHost: 'user', ip: '187.1.2.3' }),
        'from user (unknown [187.1.2.3]) by mx.example (Postfix)',
      ],
      ['dynamic HELO', hop({ fromHost: 'x.example', helo: 'pool-71-1-2-3.fios.example' }), undefined],
      [
        'Sendmail "([IP])" only: no reverse name',
        hop({ fromHost: 'mail.example.org', ip: '187.1.2.3' }),
        'from mail.example.org ([187.1.2.3]) by mx.example (8.17.1/8.17.1) with ESMTP id x',
      ],
      [
        'one-label HELO from a public address',
        hop({ fromHost: 'home-pc', ip: '187.1.2.3' }),
        'from HOME-PC (host.example.net [187.1.2.3]) by mx.example (Postfix)',
      ],
      [
        '"localhost" from a public address',
        hop({ fromHost: 'localhost', ip: '89.4.5.6' }),
        'from localhost (89-4-5-6.example.net [89.4.5.6]) by mx.example (Postfix)',
      ],
      [
        'qmail "from unknown (HELO x)"',
        hop({ helo: 'user', ip: '187.1.2.3' }),
        'from unknown (HELO user) (187.1.2.3) by mx.example with SMTP',
      ],
    ])('%s', (_name, h, raw) => {
      expect(botLike(h, raw)).toBe(true);
    });
  });
  describe('stays quiet', () => {
    test.each([
      [
        'a named mail server',
        hop({ fromHost: 'mail.example.net', ip: '203.0.113.5' }),
        'from mail.example.net (mail.example.net [203.0.113.5]) by mx.example (Postfix)',
      ],
      [
        'a provider outbound host',
        hop({ fromHost: 'mail-wr1-f54.google.com', ip: '209.85.221.54' }),
        undefined,
      ],
      ['an internal line without sender', hop({ byHost: 'mx.example' }), 'by mx.example (Postfix) id 1'],
      [
        'a receiver that records addresses only (MessageLabs)',
        hop({ ip: '192.0.2.225' }),
        'from [192.0.2.225] by server-0.bemta-0.messagelabs.com id 11/44',
      ],
      [
        'an address where the name goes',
        hop({ fromHost: '192.0.2.4', helo: 'mpvss-002.int.example.co.jp', ip: '192.0.2.4' }),
        'from 192.0.2.4 (EHLO mpvss-002.int.example.co.jp) ([192.0.2.4]) by vrrr-22.int.example.co.jp',
      ],
      [
        // A forward lookup that disagreed says nothing about a home connection (verdict issue, item 3).
        'Sendmail "(may be forged)" on a Microsoft 365 outbound host',
        hop({ fromHost: 'mail-db8eur05on2070.outbound.protection.outlook.com', ip: '40.107.20.70' }),
        'from EUR05-DB8-obe.outbound.protection.outlook.com (mail-db8eur05on2070.outbound.protection.outlook.com [40.107.20.70] (may be forged)) by mx.example (8.15.2/8.15.2) with ESMTP id x',
      ],
      [
        'one-label greeting from a private address',
        hop({ fromHost: 'phl-imap-12', ip: '127.0.0.1' }),
        'from phl-imap-12 (localhost [127.0.0.1]) by phl-compute-3.internal (Postfix)',
      ],
      [
        // Exchange never records a reverse name and its servers greet with NetBIOS names (lhost-outlook-01).
        'Exchange "NAME ([IP])"',
        hop({ fromHost: 'blu436-smtp66', ip: '65.55.116.73' }),
        'from BLU436-SMTP66 ([65.55.116.73]) by BLU004-OMC3S13.hotmail.example.com over TLS secured channel with Microsoft SMTPSVC(7.5.7601.22751)',
      ],
    ])('%s', (_name, h, raw) => {
      expect(botLike(h, raw)).toBe(false);
    });
  });
});
