import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import type { FloodReport as Report } from '../src/flood/types';
import { FloodReport } from './FloodReport';

afterEach(cleanup);

const T = Date.UTC(2026, 11, 3, 10);
const report: Report = {
  total: 5,
  automated: 4,
  verdicts: { backscatter: 3, legitimate: 1, unsure: 0 },
  kinds: { ndr: { backscatter: 3, legitimate: 1, unsure: 0 } },
  first: T,
  last: T + 3_600_000,
  timeline: {
    unit: 'hour',
    utcOffsetMinutes: 0,
    buckets: [
      { start: T, backscatter: 1, legitimate: 1, unsure: 0 },
      { start: T + 3_600_000, backscatter: 2, legitimate: 0, unsure: 0 },
    ],
    peak: { start: T + 3_600_000, count: 2, backscatter: 2 },
    undated: 0,
  },
  campaign: {
    messages: 3,
    subjects: [{ text: '\u202Efdp.exe <b>win</b>', count: 3 }],
    distinctSubjects: 1,
    bouncingDomains: 3,
    entryHosts: [{ host: '192.0.2.9', ip: '192.0.2.9', claimed: 'example.org', count: 3, botLike: true }],
    distinctEntryHosts: 1,
    botEntries: 3,
    traced: 3,
  },
  answer: {
    id: 'forged',
    params: { count: 3 },
    evidence: [{ id: 'not-in-sent', params: { count: 3, total: 3 } }],
    notes: [],
    accountMessageIds: [],
  },
  domain: {
    domain: 'example.org',
    kind: 'own',
    provider: undefined,
    dmarc: { policy: 'none', seen: 3, counts: { none: 3 }, failed: 3 },
    spf: { result: 'softfail', seen: 3 },
    dkim: { realMailSignedBy: ['example.org'], forgedPassed: 0 },
    steps: [{ id: 'dmarc-none-to-reject', params: { domain: 'example.org' } }],
  },
  relays: ['mail.example.org'],
  admin: [{ id: 'sieve', params: { folder: 'Junk' }, text: 'require ["fileinto"];\n' }],
};

test('the answer, the chart, the next step and the admin block', () => {
  const { container } = render(<FloodReport report={report} />);
  expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
    'None of these 3 bounced messages was sent from your account: someone is forging your address.',
  );
  const chart = screen.getByRole('img');
  expect(chart.getAttribute('aria-labelledby')).toBe('bg-flood-chart-title bg-flood-chart-desc');
  expect(container.querySelector('desc')?.textContent).toContain('3 backscatter, 1 real, 0 unsure');
  expect(container.querySelectorAll('rect[data-series="backscatter"]')).toHaveLength(2);
  expect(container.textContent).toContain('Publish DMARC p=reject for example.org instead of p=none');
  expect(container.querySelector('[data-block="sieve"] pre')?.textContent).toBe('require ["fileinto"];\n');
});

test('subjects and hosts are isolated text, never markup', () => {
  const { container } = render(<FloodReport report={report} />);
  const subject = [...container.querySelectorAll('bdi')].find(b => b.textContent?.includes('fdp.exe'));
  expect(subject?.textContent).toBe('\u202Efdp.exe <b>win</b>');
  expect(container.querySelector('b')).toBeNull();
  expect(container.querySelector('a')).toBeNull();
});

test('copy and export call the shell', async () => {
  const copy = vi.fn(() => Promise.resolve());
  const onExport = vi.fn();
  render(<FloodReport report={report} copy={copy} onExport={onExport} lang="de" />);
  fireEvent.click(screen.getByRole('button', { name: 'Kopieren' }));
  expect(copy).toHaveBeenCalledWith('require ["fileinto"];\n');
  await waitFor(() => screen.getByRole('button', { name: 'Kopiert' }));
  fireEvent.click(screen.getByRole('button', { name: 'Bericht exportieren…' }));
  expect(onExport).toHaveBeenCalledOnce();
});

test('compact leaves the campaign and admin blocks to the export', () => {
  const { container } = render(<FloodReport report={report} compact />);
  expect(container.querySelector('[data-block]')).toBeNull();
  expect(container.textContent).not.toContain('fdp.exe');
});

test('exportFile: "Export report…" is a download link to the HTML export', async () => {
  const made: Blob[] = [];
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation(blob => {
    made.push(blob as Blob);
    return 'blob:report-1';
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const { unmount } = render(<FloodReport report={report} exportFile="backscatter-report.html" />);
  const link = await waitFor(() => screen.getByRole('link', { name: 'Export report…' }));
  expect(link.getAttribute('href')).toBe('blob:report-1');
  expect(link.getAttribute('download')).toBe('backscatter-report.html');
  const html = await made[0]!.text();
  expect(html).toMatch(/^<!DOCTYPE html>/);
  expect(html).not.toContain('<script');
  unmount();
  await waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:report-1'));
  create.mockRestore();
  revoke.mockRestore();
});

test('SweepFloodReport: nothing before a verdict, then the report over the items', async () => {
  const { buildScenario } = await import('../test/flood/scenario');
  const { decideScenario } = await import('../test/flood/run');
  const { SweepFloodReport } = await import('./FloodReport');
  const d = await decideScenario(await buildScenario({ mode: 'forged', forged: 30, seed: 4 }));
  const empty = render(<SweepFloodReport items={[]} />);
  expect(empty.container.innerHTML).toBe('');
  empty.unmount();
  // Without a profile, the addresses the notices went to stand in for the user's.
  const { container } = render(<SweepFloodReport items={d.items} lang="de" />);
  expect(container.querySelector('[data-answer]')?.getAttribute('data-answer')).toBe('forged');
  expect(container.textContent).toContain('Was für carol-home.example zu tun ist');
}, 60_000);
