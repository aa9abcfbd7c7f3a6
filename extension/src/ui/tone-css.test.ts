/// <reference types="node" />
// @vitest-environment node
// shared/ui/tone.ts and shared/ui/verdict.css carry the same colours (the header badge is painted
// from TONES, the cards from the CSS). Read from disk: Vitest hands CSS imports to tests empty.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { TONES } from '../../../shared/ui/tone';

const css = readFileSync(new URL('../../../shared/ui/verdict.css', import.meta.url), 'utf8').toLowerCase();

test.each(Object.entries(TONES))(
  '%s: verdict.css has the same accent, tint and text colour',
  (tone, colors) => {
    expect(css).toContain(`--bg-tone-${tone}-accent: ${colors.accent.toLowerCase()};`);
    expect(css).toContain(`--bg-tone-${tone}-bg: ${colors.background.toLowerCase()};`);
    expect(css).toContain(`--bg-tone-${tone}-fg: ${colors.foreground.toLowerCase()};`);
  },
);
