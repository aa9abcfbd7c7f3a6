// The scan command's I/O on real temp files, with a stand-in engine that reads the Subject so the
// test controls the kind. (cli/test/built.test.ts runs the real engine through the built CLI.)
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Analysis } from '../../shared/src/index';
import type { JsonRecord } from '../src/format';
import { analyzeOnly, runCli, type Terminal } from '../src/scan';
import { analysis, ordinary } from './analysis';
import { fakeTerminal as terminal } from './terminal';

const fakeAnalyze = (bytes: Uint8Array): Promise<Analysis> => {
  const text = new TextDecoder('latin1').decode(bytes);
  const subject = /^Subject: (.*)$/m.exec(text)?.[1]?.trim();
  if (subject?.startsWith('Undelivered')) {
    return Promise.resolve(analysis());
  }
  if (text.includes('THROW')) {
    return Promise.reject(new Error('engine bug'));
  }
  return Promise.resolve(ordinary(subject));
};

const mail = (subject: string): string =>
  `From: a@example.org\r\nTo: b@example.org\r\nSubject: ${subject}\r\n\r\nbody\r\n`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bg-cli-'));
  writeFileSync(path.join(dir, 'bounce.eml'), mail('Undelivered Mail Returned to Sender'));
  writeFileSync(path.join(dir, 'hello.eml'), mail('Hello'));
  writeFileSync(path.join(dir, 'README.md'), '# not mail');
  writeFileSync(path.join(dir, '.hidden.eml'), mail('hidden'));
  mkdirSync(path.join(dir, 'Maildir', 'cur'), { recursive: true });
  mkdirSync(path.join(dir, 'Maildir', 'new'));
  mkdirSync(path.join(dir, 'Maildir', 'tmp'));
  mkdirSync(path.join(dir, 'Maildir', '.Sent', 'cur'), { recursive: true });
  mkdirSync(path.join(dir, 'Maildir', '.Sent', 'new'));
  writeFileSync(path.join(dir, 'Maildir', 'cur', '1700000000.1.host:2,S'), mail('in cur'));
  writeFileSync(path.join(dir, 'Maildir', 'new', '1700000001.2.host'), mail('in new'));
  writeFileSync(path.join(dir, 'Maildir', 'tmp', '1700000002.3.host'), mail('in tmp'));
  writeFileSync(path.join(dir, 'Maildir', 'dovecot-uidlist'), '3 V1 N4\n');
  writeFileSync(path.join(dir, 'Maildir', '.Sent', 'cur', '1700000003.4.host:2,S'), mail('in sent'));
  writeFileSync(
    path.join(dir, 'box.mbox'),
    `From a@example.org Thu Sep 18 17:54:04 2008\n${mail('first').replace(/\r\n/g, '\n')}\nFrom b@example.org Thu Sep 18 17:55:04 2008\n${mail('Undelivered second').replace(/\r\n/g, '\n')}\n`,
  );
  writeFileSync(path.join(dir, 'locked.eml'), mail('locked'));
  chmodSync(path.join(dir, 'locked.eml'), 0o000);
  symlinkSync(dir, path.join(dir, 'Maildir', 'cur', 'loop'));
  symlinkSync(path.join(dir, 'nowhere.eml'), path.join(dir, 'dangling.eml'));
});
afterAll(() => {
  chmodSync(path.join(dir, 'locked.eml'), 0o644);
  rmSync(dir, { recursive: true, force: true });
});

const jsonLines = (t: { out: string[] }): JsonRecord[] =>
  t.out
    .join('')
    .split('\n')
    .filter(Boolean)
    .map(l => JSON.parse(l) as JsonRecord);

const isRoot = process.getuid?.() === 0;

describe('scan --json', () => {
  test('a directory: files, an mbox, a maildir (cur/new, not tmp), Maildir++ folders; no README, no dotfiles', async () => {
    const t = terminal();
    expect(await runCli(['scan', '--json', dir], t, analyzeOnly(fakeAnalyze))).toBe(0);
    const records = jsonLines(t);
    const rel = records.map(r => path.relative(dir, r.source));
    // Name order (numeric-aware), a maildir's cur/ and new/ but not tmp/ or its metadata, Maildir++ ".Sent",
    // no README.md, no dotfile, and the symlink back to the top not followed twice.
    expect(rel).toEqual([
      'bounce.eml',
      'box.mbox#1',
      'box.mbox#2',
      'dangling.eml',
      'hello.eml',
      'locked.eml',
      path.join('Maildir', '.Sent', 'cur', '1700000003.4.host:2,S'),
      path.join('Maildir', 'cur', '1700000000.1.host:2,S'),
      path.join('Maildir', 'new', '1700000001.2.host'),
    ]);
    expect(records.find(r => r.source.endsWith('dangling.eml'))).toMatchObject({
      kind: null,
      error: expect.stringMatching(/ENOENT/),
    });
    expect(records.find(r => r.source.endsWith('bounce.eml'))?.kind).toBe('ndr');
    expect(records.find(r => r.source.endsWith('box.mbox#2'))?.kind).toBe('ndr');
    expect(records.find(r => r.source.endsWith('box.mbox#1'))?.subject).toBe('first');
    if (!isRoot) {
      expect(records.find(r => r.source.endsWith('locked.eml'))).toMatchObject({
        kind: null,
        error: expect.stringMatching(/EACCES/),
      });
    }
    expect(t.err).toEqual([]);
  });

  test('an unreadable or missing path is reported and the scan goes on', async () => {
    const t = terminal();
    expect(
      await runCli(
        ['scan', '--json', path.join(dir, 'missing.eml'), path.join(dir, 'hello.eml')],
        t,
        analyzeOnly(fakeAnalyze),
      ),
    ).toBe(0);
    const records = jsonLines(t);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ kind: null, error: expect.stringMatching(/ENOENT/) });
    expect(records[1]).toMatchObject({ kind: 'other', error: null });
  });

  test('an empty file and an mbox without messages are reported, not skipped', async () => {
    const empty = path.join(dir, 'empty.txt');
    const hollow = path.join(dir, 'hollow.txt');
    writeFileSync(empty, '\r\n');
    writeFileSync(hollow, 'From a@x Thu Sep 18 17:54:04 2008\n\nFrom b@x Thu Sep 18 17:54:05 2008\n');
    const t = terminal();
    expect(await runCli(['scan', '--json', empty, hollow], t, analyzeOnly(fakeAnalyze))).toBe(0);
    expect(jsonLines(t).map(r => [path.basename(r.source), r.error])).toEqual([
      ['empty.txt', 'empty file'],
      ['hollow.txt', 'mbox holds no message'],
    ]);
    rmSync(empty);
    rmSync(hollow);
  });

  test('an engine failure becomes an error record, not a crash', async () => {
    const file = path.join(dir, 'throw.txt');
    writeFileSync(file, mail('THROW'));
    const t = terminal();
    expect(
      await runCli(['scan', '--json', file, path.join(dir, 'hello.eml')], t, analyzeOnly(fakeAnalyze)),
    ).toBe(0);
    expect(jsonLines(t).map(r => r.error)).toEqual(['analysis failed: engine bug', null]);
    rmSync(file);
  });

  test('writes a batch of lines at once and waits for a slow reader after each write (drain)', async () => {
    let waits = 0;
    const writesBeforeWait: number[] = [];
    const t = terminal({ drain: () => (waits++, writesBeforeWait.push(t.out.length), Promise.resolve()) });
    await runCli(
      ['scan', '--json', path.join(dir, 'box.mbox'), path.join(dir, 'hello.eml')],
      t,
      analyzeOnly(fakeAnalyze),
    );
    // Three messages, one batch: one write of three lines, then one wait.
    expect(t.out).toHaveLength(1);
    expect(t.out[0]?.split('\n')).toHaveLength(4);
    expect(waits).toBe(1);
    expect(writesBeforeWait).toEqual([1]);
  });

  test('- reads standard input: one message, or an mbox', async () => {
    const one = terminal({ readStdin: () => Promise.resolve(new TextEncoder().encode(mail('Undelivered'))) });
    await runCli(['scan', '--json', '-'], one, analyzeOnly(fakeAnalyze));
    expect(jsonLines(one).map(r => [r.source, r.kind])).toEqual([['-', 'ndr']]);
    const box = terminal({
      readStdin: () =>
        Promise.resolve(
          new TextEncoder().encode(
            `From x Thu Sep 18 17:54:04 2008\n${mail('a')}\nFrom y Thu Sep 18 17:54:04 2008\n${mail('b')}`,
          ),
        ),
    });
    await runCli(['scan', '--json', '-'], box, analyzeOnly(fakeAnalyze));
    expect(jsonLines(box).map(r => r.source)).toEqual(['-#1', '-#2']);
  });
});

describe('scan table', () => {
  test('header, one row per message, summary; no colour when not a terminal', async () => {
    const t = terminal();
    expect(
      await runCli(
        ['scan', path.join(dir, 'bounce.eml'), path.join(dir, 'box.mbox')],
        t,
        analyzeOnly(fakeAnalyze),
      ),
    ).toBe(0);
    const lines = t.out.join('').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SOURCE\s+KIND\s+RECIPIENTS\s+REASON\s+ORIGINAL SUBJECT$/);
    expect(lines.slice(1, -1)).toHaveLength(3);
    expect(lines[1]).toMatch(/bounce\.eml\s+ndr\s+nobody@example\.net\s+user-unknown 5\.1\.1\s+Hello there/);
    expect(lines.at(-1)).toBe('3 messages: 2 ndr, 1 other');
    expect(t.out.join('')).not.toContain('\u001b');
  });

  test.each<[string, Partial<Terminal>, string[], boolean]>([
    ['terminal', { stdoutIsTty: true }, [], true],
    ['NO_COLOR', { stdoutIsTty: true, env: { NO_COLOR: '1' } }, [], false],
    ['--no-color', { stdoutIsTty: true }, ['--no-color'], false],
    ['FORCE_COLOR into a pipe', { env: { FORCE_COLOR: '1' } }, [], true],
    ['--color into a pipe', {}, ['--color'], true],
  ])('colour: %s', async (_name, over, flags, coloured) => {
    const t = terminal(over);
    await runCli(['scan', ...flags, path.join(dir, 'bounce.eml')], t, analyzeOnly(fakeAnalyze));
    expect(t.out.join('').includes('\u001b[')).toBe(coloured);
  });

  test('progress bar on a terminal stderr for a large input, erased before output', async () => {
    const big = path.join(dir, 'big.mbox');
    const one = `From x Thu Sep 18 17:54:04 2008\n${mail('m').replace(/\r\n/g, '\n')}${'x'.repeat(9000)}\n\n`;
    writeFileSync(big, one.repeat(1000));
    const t = terminal({ stderrIsTty: true, columns: 80 });
    await runCli(['scan', '--json', big], t, analyzeOnly(fakeAnalyze));
    expect(jsonLines(t)).toHaveLength(1000);
    const err = t.err.join('');
    expect(err).toMatch(/\r\[#*\.*\]\s+\d+%/);
    // the bar is erased before the summary line, so the terminal is left clean
    expect(err.endsWith('\r\u001b[K1,000 messages: 1,000 other\n')).toBe(true);
    const quiet = terminal({ stderrIsTty: true });
    await runCli(['scan', '--json', '--no-progress', big], quiet, analyzeOnly(fakeAnalyze));
    expect(quiet.err.join('')).not.toContain('[#');
    rmSync(big);
  });
});

describe('usage', () => {
  test.each([[[]], [['scan']], [['scan', '--bogus', 'x']], [['nope']]])(
    '%j exits 2 with one line on stderr',
    async argv => {
      const t = terminal();
      expect(await runCli(argv, t, analyzeOnly(fakeAnalyze))).toBe(2);
      expect(t.out).toEqual([]);
      expect(t.err.join('')).toMatch(/^backscatter-guard: [^\n]+\n$/);
    },
  );
  test('--help exits 0 with the usage on stdout', async () => {
    const t = terminal();
    expect(await runCli(['--help'], t, analyzeOnly(fakeAnalyze))).toBe(0);
    expect(t.out.join('')).toMatch(/^Usage: backscatter-guard scan/);
  });
});
