import { describe, expect, test } from 'vitest';
import { analysis, ordinary, recipient } from '../test/analysis';
import { historyAt, waveDomains } from '../../shared/src/index';
import { histories } from './history';

const at = (hour: number, domain: string, kind: 'ndr' | 'auto-reply' = 'ndr') =>
  analysis({
    kind,
    date: new Date(Date.UTC(2025, 2, 4, 0) + hour * 3600_000).toUTCString(),
    recipients: kind === 'ndr' ? [recipient({ address: `x@${domain}` })] : [],
    from: { name: undefined, address: `me@${domain}` },
  });

describe('histories', () => {
  test('counts the automated messages of the 24 hours before each one, and their distinct domains', () => {
    const list = [
      at(0, 'a.example'),
      at(1, 'b.example'),
      at(2, 'a.example'),
      at(30, 'c.example'),
      ordinary(),
      at(3, 'd.example', 'auto-reply'),
    ];
    const h = histories(list);
    expect(h.map(x => x && [x.automatedInWindow, x.distinctRecipientDomains])).toEqual([
      [1, 1],
      [2, 2],
      [3, 2],
      [1, 1],
      undefined,
      [4, 3],
    ]);
    expect(h[0]?.windowHours).toBe(24);
  });

  test('a wave of 30 bounces for 30 domains within an hour', () => {
    const wave = Array.from({ length: 30 }, (_x, i) => at(i / 30, `d${i}.example`));
    const last = histories(wave).at(-1);
    expect(last).toEqual({ automatedInWindow: 30, distinctRecipientDomains: 30, windowHours: 24 });
  });

  test('two bounces stamped the same second count each other, as the engine’s historyAt does', () => {
    const h = histories([at(5, 'a.example'), at(5, 'b.example'), at(4, 'c.example')]);
    expect(h.map(x => x?.automatedInWindow)).toEqual([3, 3, 1]);
    const entries = [at(5, 'a.example'), at(5, 'b.example'), at(4, 'c.example')].map(a => ({
      at: Date.parse(a.date!),
      domains: waveDomains(a)!,
    }));
    expect(h[0]).toEqual(historyAt(entries, entries[0]!.at));
    expect(h[1]).toEqual(historyAt(entries, entries[1]!.at));
  });

  test('the window edge: a message exactly 24 hours older still counts, one more second does not', () => {
    const h = histories([at(0, 'a.example'), at(24, 'b.example'), at(48 + 1 / 3600, 'c.example')]);
    expect(h.map(x => x?.automatedInWindow)).toEqual([1, 2, 1]);
  });

  test('no date, unparseable date, or ordinary mail: no history', () => {
    expect(
      histories([analysis({ date: undefined }), analysis({ date: 'yesterday-ish' }), ordinary(), undefined]),
    ).toEqual([undefined, undefined, undefined, undefined]);
  });

  test('a date with a trailing comment still parses', () => {
    expect(
      histories([analysis({ date: 'Thu,  1 Jul 2014 23:45:59 +0900 (JST)' })])[0]?.automatedInWindow,
    ).toBe(1);
  });
});
