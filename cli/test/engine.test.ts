// The scan command with the real engine and the real verdict, in process, on temp copies of corpus files
// and the bundled samples; plus the built file run as a child process (what `npx backscatter-guard` runs).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  readdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AnalysisPool } from '../src/analysis-pool';
import type { JsonRecord } from '../src/format';
import { runCli } from '../src/scan';
import { reportWithoutOriginal } from '../../shared/src/verdict/testing';
import { makeScanner } from '../src/verdict';
import { fakeTerminal as terminal } from './terminal';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(repoRoot, 'test/corpus/sisimai');
const samples = path.join(repoRoot, 'samples');

const jsonLines = (t: { out: string[] }): JsonRecord[] =>
  t.out
    .join('')
    .split('\n')
    .filter(Boolean)
    .map(l => JSON.parse(l) as JsonRecord);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bg-engine-'));
  mkdirSync(path.join(dir, 'in'));
  copyFileSync(path.join(corpus, 'maildir/bsd/lhost-postfix-03.eml'), path.join(dir, 'in', 'postfix.eml'));
  copyFileSync(path.join(corpus, 'mailbox/mbox-0'), path.join(dir, 'in', 'mbox-0'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('analysis only', () => {
  test('a Postfix bounce and the 37 messages of an mbox, with the JSON contract filled from the engine', async () => {
    const t = terminal();
    expect(await runCli(['scan', '--json', path.join(dir, 'in')], t, makeScanner)).toBe(0);
    const records = jsonLines(t);
    expect(records).toHaveLength(38);
    expect(records.filter(r => r.source.includes('mbox-0#')).map(r => r.source.split('#')[1])).toEqual(
      Array.from({ length: 37 }, (_x, i) => String(i + 1)),
    );
    const postfix = records.find(r => r.source.endsWith('postfix.eml'));
    expect(postfix).toMatchObject({
      kind: 'ndr',
      recipients: [expect.objectContaining({ address: 'kijitora@example.net', reason: 'user-unknown' })],
      original: expect.objectContaining({
        found: true,
        messageId: '20140701000000.000000000000@e1.example.ne.jp',
        subject: 'Message',
      }),
      error: null,
    });
    expect(postfix).not.toHaveProperty('verdict');
    expect(records.filter(r => r.kind !== 'other').length).toBeGreaterThan(30);
  });
});

describe('with --me and --sent (issue 3 §4)', () => {
  test('the samples: the bounce of mail in Sent is legitimate, with evidence and an explanation', async () => {
    const t = terminal();
    expect(
      await runCli(
        [
          'scan',
          '--json',
          '--me',
          'alice.martin@gmail.com',
          '--sent',
          path.join(samples, 'sent'),
          path.join(samples, 'inbox'),
        ],
        t,
        makeScanner,
      ),
    ).toBe(0);
    const records = jsonLines(t);
    expect(records).toHaveLength(readdirSync(path.join(samples, 'inbox')).length);
    const mine = records.find(r => r.source.includes('01-bounce-of-mail-you-sent'));
    expect(mine?.verdict).toBe('legitimate');
    expect(mine?.confidence).toBeGreaterThan(0.5);
    expect(mine?.evidence?.[0]).toMatchObject({ signal: 'sent-original', direction: 'legitimate' });
    expect(mine?.explanation?.[0]?.text).toMatch(/paul\.berg@bluepeak\.example/);
    expect(records.find(r => r.source.includes('04-backscatter-random-id'))?.verdict).toBe('backscatter');
    for (const r of records) {
      expect(r).toHaveProperty('verdict');
      if (r.kind === 'other') {
        expect(r.verdict).toBeNull();
      } else {
        expect(['backscatter', 'legitimate', 'unsure']).toContain(r.verdict);
        expect(r.evidence?.length).toBeGreaterThan(0);
      }
    }
  });

  test('without --sent the Sent lookup is unavailable, with it found', async () => {
    const sentOriginal = async (args: string[]): Promise<unknown> => {
      const t = terminal();
      await runCli(
        [
          'scan',
          '--json',
          '--me',
          'alice.martin@gmail.com',
          ...args,
          path.join(samples, 'inbox', '01-bounce-of-mail-you-sent.eml'),
        ],
        t,
        makeScanner,
      );
      const e = jsonLines(t)[0]?.evidence?.find(x => x.signal === 'sent-original');
      return [e?.direction, e?.params['variant']];
    };
    expect(await sentOriginal([])).toEqual(['neutral', 'unavailable']);
    expect(await sentOriginal(['--sent', path.join(samples, 'sent')])).toEqual(['legitimate', 'found']);
  });

  test('a bounce without an original: --sent is searched for a message to the failed recipient, around its date', async () => {
    const bounce = (recipient: string) =>
      reportWithoutOriginal(recipient, 'Mon, 23 Nov 2026 12:00:00 +0000', 'Undeliverable: Lunch on Friday');
    const home = mkdtempSync(path.join(tmpdir(), 'bsg-by-recipient-'));
    mkdirSync(path.join(home, 'sent'));
    writeFileSync(
      path.join(home, 'sent', '1.eml'),
      'From: alice@example.org\r\nTo: Bob <bob@remote.example>\r\nSubject: Lunch on Friday\r\n' +
        'Date: Sat, 21 Nov 2026 09:00:00 +0000\r\nMessage-ID: <lunch@example.org>\r\n\r\nhi\r\n',
    );
    // A Sent folder that reaches back before the window: absence in it means something.
    writeFileSync(
      path.join(home, 'sent', '0.eml'),
      'From: alice@example.org\r\nTo: carol@else.example\r\nSubject: Hello\r\n' +
        'Date: Thu, 1 Oct 2026 09:00:00 +0000\r\nMessage-ID: <hello@example.org>\r\n\r\nhi\r\n',
    );
    writeFileSync(path.join(home, 'to-bob.eml'), bounce('bob@remote.example'));
    writeFileSync(path.join(home, 'to-eve.eml'), bounce('eve@remote.example'));
    const t = terminal();
    await runCli(
      [
        'scan',
        '--json',
        '--me',
        'alice@example.org',
        '--sent',
        path.join(home, 'sent'),
        path.join(home, 'to-bob.eml'),
        path.join(home, 'to-eve.eml'),
      ],
      t,
      makeScanner,
    );
    const variants = jsonLines(t).map(
      r => r.evidence?.find(e => e.signal === 'sent-original')?.params['variant'],
    );
    expect(variants).toEqual(['found-recipient', 'not-found-recipient']);
    expect(jsonLines(t)[0]?.verdict).toBe('legitimate');
    rmSync(home, { recursive: true, force: true });
  });

  test('--profile-cache keeps what a bounce of the user’s own mail taught for the next scan', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'bsg-profile-cache-'));
    const scenarios = path.join(repoRoot, 'shared/test/scenarios/messages');
    mkdirSync(path.join(home, 'sent'));
    // Bob's Sent folder holds the original of the first bounce (its id, as labels.tsv records it, and its
    // date: the bounce came minutes later, so the find is decisive and the route confirmed).
    writeFileSync(
      path.join(home, 'sent', '1.eml'),
      'From: bob.keller@contoso-example.com\r\nTo: x@oakridge-school.example\r\nSubject: s\r\n' +
        'Date: Wed, 25 Nov 2026 19:46:58 +0000\r\n' +
        'Message-ID: <DB9PR01MB2967128E3C83C373A50C00161102@DB9PR01MB2967.eurprd07.prod.outlook.com>\r\n\r\nhi\r\n',
    );
    const cache = path.join(home, 'profile.json');
    const scan = async (args: string[]) => {
      const t = terminal();
      await runCli(['scan', '--json', '--me', 'bob.keller@contoso-example.com', ...args], t, makeScanner);
      return jsonLines(t)[0];
    };
    const next = path.join(scenarios, '073-m365-genuine-in-sent.eml');
    expect((await scan(['--profile-cache', cache, next]))?.verdict).toBe('unsure');
    await scan([
      '--sent',
      path.join(home, 'sent'),
      '--profile-cache',
      cache,
      path.join(scenarios, '069-m365-genuine-in-sent.eml'),
    ]);
    const stored = JSON.parse(readFileSync(cache, 'utf8')) as { confirmed: { entryHosts: string[] } };
    expect(stored.confirmed.entryHosts).toEqual(['mail-vi1eur05on2014.outbound.protection.outlook.com']);
    // The next bounce of Bob's mail, with no Sent folder given, is recognised by its route.
    const record = await scan(['--profile-cache', cache, next]);
    expect(record?.verdict).toBe('legitimate');
    expect(record?.evidence?.find(e => e.signal === 'entry-hop')?.direction).toBe('legitimate');
    rmSync(home, { recursive: true, force: true });
  });

  test('--relay names the server that carries the user’s mail: the entry hop counts as theirs', async () => {
    // A scenario bounce of Carol's mail, as if her server handed it to her ISP's smarthost, which then
    // delivered it: that smarthost is at a domain that is not hers, so only --relay can vouch for it.
    const original = readFileSync(
      path.join(repoRoot, 'shared/test/scenarios/messages/137-selfhosted-genuine-in-sent.eml'),
      'latin1',
    );
    const message = path.join(dir, 'smarthost.eml');
    writeFileSync(
      message,
      Buffer.from(original.replaceAll('mail.carol-home.example', 'smtp.isp-relay.example'), 'latin1'),
    );
    const entry = async (args: string[]): Promise<unknown> => {
      const t = terminal();
      await runCli(['scan', '--json', '--me', 'carol@carol-home.example', ...args, message], t, makeScanner);
      return jsonLines(t)[0]?.evidence?.find(x => x.signal === 'entry-hop')?.params['variant'];
    };
    expect(await entry([])).not.toBe('relay');
    expect(await entry(['--relay', 'smtp.isp-relay.example'])).toBe('relay');
  });

  test('an unreadable --sent is reported on stderr and counts as unavailable', async () => {
    const t = terminal();
    await runCli(
      [
        'scan',
        '--json',
        '--sent',
        path.join(dir, 'no-such-folder'),
        path.join(samples, 'inbox', '01-bounce-of-mail-you-sent.eml'),
      ],
      t,
      makeScanner,
    );
    expect(t.err.join('')).toMatch(/--sent .*no-such-folder: ENOENT.*\n.*no readable message in --sent/s);
    expect(jsonLines(t)[0]?.evidence?.find(e => e.signal === 'sent-original')?.params['variant']).toBe(
      'unavailable',
    );
  });

  test('the table gains a verdict column, a reason and a summary with verdict counts', async () => {
    const t = terminal();
    await runCli(
      [
        'scan',
        '--me',
        'alice.martin@gmail.com',
        '--sent',
        path.join(samples, 'sent'),
        path.join(samples, 'inbox'),
      ],
      t,
      makeScanner,
    );
    const lines = t.out.join('').trimEnd().split('\n');
    expect(lines[0]).toMatch(/KIND\s+VERDICT\s+RECIPIENTS\s+WHY\s+ORIGINAL SUBJECT/);
    expect(lines.find(l => l.includes('of-mail-you-sent.eml') && l.includes(' ndr '))).toMatch(
      /ndr\s+legitimate\s+paul\.berg@bluepeak\.exam\S*\s+The address paul\.berg@bluepeak\.example does/,
    );
    expect(lines.at(-1)).toMatch(/^13 messages: .* · verdicts: \d+ backscatter, \d+ legitimate/);
  });
});

describe('campaign history', () => {
  test('30 bounces for 30 domains within an hour carry campaign evidence', async () => {
    const one = readFileSync(path.join(corpus, 'maildir/bsd/lhost-postfix-03.eml'), 'latin1');
    const box = Array.from({ length: 30 }, (_x, i) => {
      const minute = String(i).padStart(2, '0');
      const msg = one
        .replaceAll('example.net', `d${i}.example`)
        .replace(/^Date: .*$/m, `Date: Thu, 3 Jul 2014 10:${minute}:00 +0900`);
      return `From MAILER-DAEMON Thu Jul  3 10:${minute}:00 2014\n${msg}\n`;
    }).join('');
    const file = path.join(dir, 'wave.mbox');
    writeFileSync(file, box, 'latin1');
    const t = terminal();
    await runCli(['scan', '--json', '--me', 'shironeko@example.jp', file], t, makeScanner);
    const records = jsonLines(t);
    expect(records).toHaveLength(30);
    expect(records[0]?.evidence?.some(e => e.signal === 'campaign')).toBe(false);
    const last = records.at(-1)?.evidence?.find(e => e.signal === 'campaign');
    expect(last).toMatchObject({ direction: 'backscatter', params: { count: 30, domains: 30 } });
  });
});

describe('the built CLI', () => {
  const bin = path.join(repoRoot, 'dist/cli/backscatter-guard.cjs');
  beforeAll(() => {
    // Build when the bundle is missing or older than its sources, so the test runs what users run.
    const newest = (d: string): number =>
      Math.max(...readdirSync(d, { recursive: true }).map(f => statSync(path.join(d, String(f))).mtimeMs));
    if (
      !existsSync(bin) ||
      statSync(bin).mtimeMs <
        Math.max(newest(path.join(repoRoot, 'cli/src')), newest(path.join(repoRoot, 'shared/src')))
    ) {
      const build = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: repoRoot, encoding: 'utf8' });
      expect(build.status, build.stderr).toBe(0);
    }
  }, 120_000);

  test('scan --json - reads stdin; exit 0', () => {
    const run = spawnSync(process.execPath, [bin, 'scan', '--json', '-'], {
      input: readFileSync(path.join(corpus, 'maildir/bsd/lhost-postfix-03.eml')),
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ source: '-', kind: 'ndr' });
  });

  test('the bundle is its own analysis worker (the fallback after a stop), as a CommonJS file', async () => {
    const pool = new AnalysisPool({ workerUrl: pathToFileURL(bin), printOnly: true });
    try {
      const bytes = new Uint8Array(readFileSync(path.join(corpus, 'maildir/bsd/lhost-postfix-03.eml')));
      const [a] = await pool.analyzeMany([bytes]);
      expect(a).toMatchObject({ kind: 'ndr', warnings: [] });
      expect(a?.recipients.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  test('bad usage: exit 2 and one line on stderr', () => {
    const run = spawnSync(process.execPath, [bin, 'scan', '--nope'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^backscatter-guard: unknown option --nope\n$/);
  });

  test('a slow reader gets every line: the process ends only after its output is written', () => {
    const file = path.join(dir, 'slow-reader.mbox');
    const one = readFileSync(path.join(corpus, 'maildir/bsd/lhost-postfix-03.eml'), 'latin1');
    // ~1 MB of JSON lines: far more than a pipe holds while its reader sleeps.
    writeFileSync(file, `From x Thu Sep 18 17:54:04 2008\n${one}\n`.repeat(1000), 'latin1');
    const run = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${bin}" scan --json "${file}" | (sleep 1; cat)`],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1000);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ source: `${file}#1000`, kind: 'ndr' });
  });

  test('closing the pipe early is not a crash', () => {
    const file = path.join(dir, 'many.mbox');
    const one = readFileSync(path.join(corpus, 'maildir/bsd/lhost-postfix-03.eml'), 'latin1');
    writeFileSync(file, `From x Thu Sep 18 17:54:04 2008\n${one}\n`.repeat(300), 'latin1');
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" scan --json "${file}" | head -n 1`], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
  });
});
