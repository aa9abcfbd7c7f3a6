import { describe, expect, test } from 'vitest';
import { SERIES_COLOURS } from '../src/flood/chart';
import { floodHtml } from '../src/flood/html';
import { sampleReport } from '../src/flood/testing';
import { TONES, shortLabel, verdictTone, type Tone } from './tone';

// WCAG relative luminance and contrast ratio, to keep every tone readable.
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('verdictTone', () => {
  test.each([
    ['backscatter', 'ndr', false, 'backscatter'],
    ['backscatter', 'auto-reply', false, 'backscatter'],
    ['legitimate', 'ndr', false, 'failure'],
    ['legitimate', 'virus-notice', false, 'failure'],
    ['legitimate', 'challenge', false, 'failure'],
    ['legitimate', 'auto-reply', false, 'info'],
    ['legitimate', 'delay', false, 'info'],
    ['legitimate', 'delivery-receipt', false, 'info'],
    ['unsure', 'ndr', false, 'unsure'],
    ['backscatter', 'ndr', true, 'user'],
  ] as const)('%s %s override=%s → %s', (verdict, kind, override, tone) => {
    expect(verdictTone(verdict, kind, override)).toBe(tone);
  });
});

describe('TONES', () => {
  test.each(Object.entries(TONES) as [Tone, (typeof TONES)[Tone]][])(
    '%s: readable (4.5:1 for the accent, 7:1 for text)',
    (_tone, colors) => {
      expect(contrast(colors.accent, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colors.accent, colors.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colors.foreground, colors.background)).toBeGreaterThanOrEqual(7);
    },
  );
  test('every tone has its own badge character except the two greys’ meaning', () => {
    const badges = Object.values(TONES).map(colors => colors.badge);
    expect(new Set(badges).size).toBe(badges.length);
  });
});

describe('shortLabel', () => {
  test.each([
    ['legitimate', 'auto-reply', 'en', false, 'Auto-reply'],
    ['legitimate', 'delay', 'en', false, 'Delayed'],
    ['legitimate', 'ndr', 'en', false, 'Real bounce'],
    ['legitimate', 'ndr', 'de', false, 'Echte Unzustellbarkeit'],
    ['backscatter', 'ndr', 'en', false, 'Backscatter'],
    ['backscatter', 'ndr', 'en', true, 'Not backscatter'],
    ['unsure', 'auto-reply', 'de', false, 'Unklar'],
  ] as const)('%s %s %s override=%s → %s', (verdict, kind, lang, override, label) => {
    expect(shortLabel(verdict, kind, lang, override)).toBe(label);
  });
});

// The flood report sits above the sweep's rows: its chart and its answer speak the same colours.
describe('the flood report in the same colour language', () => {
  test('the chart: backscatter amber, unsure grey, real blue', () => {
    expect(SERIES_COLOURS).toEqual({
      backscatter: TONES.backscatter.accent.toLowerCase(),
      unsure: TONES.unsure.accent.toLowerCase(),
      legitimate: TONES.info.accent.toLowerCase(),
    });
  });
  test.each([
    ['forged', 'backscatter'],
    ['account', 'failure'],
    ['real', 'info'],
  ] as const)('the HTML export: answer %s in tone %s', (answer, tone) => {
    const html = floodHtml(sampleReport(), 'en');
    const rule = new RegExp(
      `\\.answer--${answer}\\{border-color:(#[0-9a-f]{6});background:(#[0-9a-f]{6})\\}`,
    );
    expect(html.match(rule)?.slice(1)).toEqual([
      TONES[tone].accent.toLowerCase(),
      TONES[tone].background.toLowerCase(),
    ]);
  });
});
