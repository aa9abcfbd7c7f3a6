import { expect, test } from 'vitest';
import { floodDe } from './flood.de';
import { floodEn } from './flood.en';
import { en } from './en';

const names = (text: string) => [...text.matchAll(/\{([a-zA-Z0-9_-]+)\}/g)].map(m => m[1]).sort();

test('German covers every English key of the flood report, and no more', () => {
  expect(Object.keys(floodEn).filter(key => !Object.hasOwn(floodDe, key))).toEqual([]);
  expect(Object.keys(floodDe).filter(key => !Object.hasOwn(floodEn, key))).toEqual([]);
});

test('same placeholders in both languages; no markup; no clash with the main table', () => {
  expect(
    Object.entries(floodDe).filter(([k, t]) => names(t).join() !== names(floodEn[k] ?? '').join()),
  ).toEqual([]);
  expect(Object.entries({ ...floodEn, ...floodDe }).filter(([, t]) => /<[a-z/]/i.test(t))).toEqual([]);
  expect(Object.keys(floodEn).filter(k => Object.hasOwn(en, k))).toEqual([]);
});
