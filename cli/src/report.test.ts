// `backscatter-guard report` on a real flood scenario written to temp files, with the real engine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FloodReport } from '../../shared/src/flood/index';
import { buildScenario } from '../../shared/test/flood/scenario';
import { writeScenario } from '../../shared/test/flood/write';
import { parseArgs } from './args';
import { runReport } from './report';
import { fakeTerminal as terminal } from '../test/terminal';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bg-report-'));
  writeScenario(await buildScenario({ mode: 'forged', forged: 120, policy: 'quarantine', seed: 9 }), dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const args = (...extra: string[]) => [
  'report',
  '--me',
  'carol@carol-home.example',
  '--sent',
  path.join(dir, 'sent.mbox'),
  ...extra,
  path.join(dir, 'inbox.mbox'),
];

test('text: the answer, a sparkline, the next step and the admin rules', async () => {
  const t = terminal();
  expect(await runReport(args(), t, { utcOffsetMinutes: 0 })).toBe(0);
  const out = t.out.join('');
  expect(out).toContain('None of these 120 bounced messages was sent from your account');
  expect(out).toMatch(/^ {2}[▁▂▃▄▅▆▇█ ]{20,}$/m);
  expect(out).toContain('Move DMARC for carol-home.example from p=quarantine to p=reject');
  expect(out).toContain('whitelist_bounce_relays mail.carol-home.example');
});

test('--json is the engine’s report; --html writes the export', async () => {
  const t = terminal();
  const written: [string, string][] = [];
  const code = await runReport(args('--json', '--html', 'out.html', '--lang', 'de'), t, {
    writeFile: (file, text) => Promise.resolve(void written.push([file, text])),
    now: () => Date.UTC(2026, 11, 6),
    utcOffsetMinutes: 0,
  });
  expect(code).toBe(0);
  const report = JSON.parse(t.out.join('')) as FloodReport;
  expect(report.answer.id).toBe('forged');
  expect(report.verdicts.backscatter).toBe(120);
  expect(report.domain.dmarc.policy).toBe('quarantine');
  expect(written[0]![0]).toBe('out.html');
  expect(written[0]![1]).toContain('Keine dieser <bdi>120</bdi> zurückgekommenen Nachrichten');
  expect(t.err.join('')).toContain('report written to out.html');
});

test.each([
  [['report', 'x.mbox'], /report needs your address/],
  [['scan', '--html', 'a.html', 'x'], /--html FILE goes with the report command/],
])('%j is refused', async (argv, message) => {
  const t = terminal();
  expect(await runReport(argv, t)).toBe(2);
  expect(t.err.join('')).toMatch(message);
});

test('report is a command', () => {
  expect(parseArgs(['report', '--html', 'r.html', '--me', 'a@b.example', 'x'])).toMatchObject({
    ok: true,
    options: { command: 'report', html: 'r.html' },
  });
});
