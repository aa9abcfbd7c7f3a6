// The XPI writer and the manifest, checked as data: what addons.thunderbird.net's review and
// Thunderbird's loader rely on.
import { describe, expect, test } from 'vitest';
import packageJson from '../../package.json';
import manifestJson from '../manifest.json';
import de from '../public/_locales/de/messages.json';
import en from '../public/_locales/en/messages.json';
import readme from '../README.md?raw';
import { zip } from '../scripts/zip.mjs';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const manifest = manifestJson as Record<string, unknown>;
const locales: Record<string, Messages> = { en, de };
const locale = (lang: string): Messages => locales[lang] ?? {};

async function inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Reads back the local file entries of a ZIP. */
async function entries(archive: Uint8Array) {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const out = [];
  let offset = 0;
  while (view.getUint32(offset, true) === 0x04034b50) {
    const method = view.getUint16(offset + 8, true);
    const time = view.getUint16(offset + 10, true);
    const date = view.getUint16(offset + 12, true);
    const size = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const name = new TextDecoder().decode(archive.subarray(offset + 30, offset + 30 + nameLength));
    const body = archive.subarray(
      offset + 30 + nameLength + extraLength,
      offset + 30 + nameLength + extraLength + size,
    );
    out.push({
      name,
      time,
      date,
      extraLength,
      data: method === 8 ? await inflateRaw(body) : new Uint8Array(body),
    });
    offset += 30 + nameLength + extraLength + size;
  }
  return out;
}

describe('the deterministic XPI writer', () => {
  const files = [
    { path: 'manifest.json', data: new TextEncoder().encode('{"manifest_version": 3}\n') },
    { path: '_locales/en/messages.json', data: new TextEncoder().encode('{}'.repeat(200)) },
    { path: 'background.js', data: new Uint8Array([0, 1, 2, 255]) },
  ];

  test('the same files in any order give the same bytes', () => {
    expect(zip(files)).toEqual(zip([...files].reverse()));
  });

  test('entries are sorted, dated 1980-01-01 00:00, without extra fields, and round-trip', async () => {
    const read = await entries(zip(files));
    expect(read.map(entry => entry.name)).toEqual([
      '_locales/en/messages.json',
      'background.js',
      'manifest.json',
    ]);
    expect(read.every(entry => entry.time === 0 && entry.date === 33 && entry.extraLength === 0)).toBe(true);
    for (const file of files) {
      expect(read.find(entry => entry.name === file.path)?.data).toEqual(file.data);
    }
  });
});

describe('manifest.json', () => {
  test('MV3, a gecko id, Thunderbird 128 ESR and newer', () => {
    expect(manifest['manifest_version']).toBe(3);
    expect(manifest['browser_specific_settings']).toEqual({
      gecko: {
        id: 'backscatter-guard@backscatter-guard.invalid',
        strict_min_version: '128.0',
        // Mozilla's linter asks every add-on to declare what it collects: nothing leaves the machine.
        data_collection_permissions: { required: ['none'] },
      },
    });
    expect(manifest['version']).toBe(packageJson.version);
  });

  test('exactly the permissions the README justifies, no host permissions, the default CSP', () => {
    const permissions = manifest['permissions'] as string[];
    expect([...permissions].sort()).toEqual([
      'accountsRead',
      'messagesMove',
      'messagesRead',
      'messagesTags',
      'messagesUpdate',
      'scripting',
      'storage',
    ]);
    for (const permission of permissions) {
      expect(readme).toMatch(new RegExp(`\\|\\s*\`${permission}\`\\s*\\|`));
    }
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest).not.toHaveProperty('content_security_policy');
    expect(JSON.stringify(manifest)).not.toMatch(/https?:\/\//);
  });

  test('every __MSG_ key it uses exists', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map(match => match[1] ?? '');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter(key => !(key in locale('en')))).toEqual([]);
  });
});

describe('_locales', () => {
  const sources = import.meta.glob<string>(
    ['./**/*.ts', './**/*.tsx', '!./**/*.test.*', '!./test-support/**'],
    { eager: true, query: '?raw', import: 'default' },
  );
  const code = Object.values(sources).join('\n') + JSON.stringify(manifest);

  test('German has every English string, with the same placeholders', () => {
    const en = locale('en');
    const de = locale('de');
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(Object.keys(de[key]?.placeholders ?? {}), key).toEqual(Object.keys(en[key]?.placeholders ?? {}));
      expect(de[key]?.message, key).not.toBe('');
    }
  });

  test('every key the code asks for exists, and every string is used', () => {
    const asked = [...code.matchAll(/\bt\('(\w+)'/g)].map(match => match[1] ?? '');
    expect(asked.length).toBeGreaterThan(20);
    expect(asked.filter(key => !(key in locale('en')))).toEqual([]);
    // Keys reached indirectly: a template (`verdict_${verdict}`) or a table of string literals.
    const prefixes = [...code.matchAll(/\bt\(`(\w+_)\$\{/g)].map(match => match[1] ?? '');
    expect(prefixes.sort()).toEqual([]);
    const unused = Object.keys(locale('en')).filter(
      key =>
        !code.includes(`'${key}'`) &&
        !code.includes(`__MSG_${key}__`) &&
        !prefixes.some(prefix => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });
});
