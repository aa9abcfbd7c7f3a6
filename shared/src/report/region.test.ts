import { describe, expect, test } from 'vitest';
import { reportRegionEnd } from './region';

const PROSE =
  'A message that you sent could not be delivered to one or more of its recipients.\n\n  kijitora@example.jp\n    550 5.1.1 User unknown\n\n';

describe('reportRegionEnd', () => {
  describe('fires: the original starts at', () => {
    test.each([
      {
        name: 'Exim’s copy marker',
        marker: '------ This is a copy of the message, including all the headers. ------\n',
      },
      { name: 'qmail’s marker', marker: '--- Below this line is a copy of the message.\n' },
      { name: 'Sendmail’s original message separator', marker: '   ----- Original message follows -----\n' },
      { name: 'Exchange’s "Original message headers:"', marker: 'Original message headers:\n' },
      { name: 'a bare "Original message" line', marker: 'Original message:\n' },
      {
        name: 'a Content-Type: message/rfc822 line (MIME quoted as text)',
        marker: 'Content-Type: message/rfc822\n',
      },
      { name: 'Japanese marker', marker: '返送されたメッセージ\n' },
      { name: 'German marker on a line of its own', marker: 'Ursprüngliche Nachricht\n' },
    ])('$name', ({ marker }) => {
      const body = PROSE + marker + 'Return-Path: <shironeko@example.jp>\nSubject: x\n';
      expect(reportRegionEnd(body)).toBe(PROSE.length);
    });

    // Regression (was a bug): the localised phrases count only bare; with separator dashes, as Outlook writes them
    // ("-----Ursprüngliche Nachricht-----", "-----Message d'origine-----"), only English ones are known.
    test.each(['-----Ursprüngliche Nachricht-----\n', "-----Message d'origine-----\n"])(
      'localised marker between dashes: %s',
      marker => {
        const body = PROSE + marker + 'Von: a@example.org\nBetreff: x\n';
        expect(reportRegionEnd(body)).toBe(PROSE.length);
      },
    );

    test('a run of header lines with no marker', () => {
      const headers =
        'Return-Path: <shironeko@example.jp>\nReceived: from x by y; date\nMessage-ID: <1@example.jp>\nSubject: x\n';
      expect(reportRegionEnd(PROSE + headers)).toBe(PROSE.length);
    });

    test('Zoho: quoted headers without a space after the colon', () => {
      const headers =
        'Received:from mail.zoho.com by mx.zohomail.com\nMessage-ID:<1@zoho.com>\nFrom:<a@example.org>\n';
      expect(reportRegionEnd(PROSE + headers)).toBe(PROSE.length);
    });

    test('the marker comes first even when header lines follow later', () => {
      const body =
        PROSE +
        '--- Below this line is a copy of the message.\n\n' +
        'Return-Path: <a@b.example>\nReceived: x\nMessage-ID: <1@b>\n';
      expect(reportRegionEnd(body)).toBe(PROSE.length);
    });
  });

  describe('stays quiet: the whole body is the report', () => {
    test.each([
      { name: 'prose only', body: PROSE },
      { name: 'an empty body', body: '' },
      {
        // "From:/To:/Subject:" in a report's own text (Exchange summary) are not a header run.
        name: 'three address lines but no structural header',
        body: PROSE + 'From: alice@example.org\nTo: kijitora@example.jp\nSubject: Lunch\n',
      },
      {
        name: 'two header lines only',
        body: PROSE + 'Return-Path: <a@b.example>\nMessage-ID: <1@b>\n\nmore prose\n',
      },
    ])('$name', ({ body }) => {
      expect(reportRegionEnd(body)).toBe(body.length);
    });
  });
});
