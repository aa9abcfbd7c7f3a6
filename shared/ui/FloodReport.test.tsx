import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { sampleItem, sampleReport } from '../src/flood/testing';
import { FloodReport, SweepFloodReport } from './FloodReport';

afterEach(cleanup);

const report = sampleReport({
  backscatter: [1, 2],
  legitimate: [1],
  subject: '\u202Efdp.exe <b>win</b>',
  host: '192.0.2.9',
  admin: [{ id: 'sieve', params: { folder: 'Junk' }, text: 'require ["fileinto"];\n' }],
});

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

test('SweepFloodReport: nothing before a verdict, then the report over the items', () => {
  const empty = render(<SweepFloodReport items={[]} />);
  expect(empty.container.innerHTML).toBe('');
  empty.unmount();
  const items = [
    sampleItem('backscatter', 'carol@carol-home.example'),
    sampleItem('backscatter', 'carol@carol-home.example'),
    sampleItem('legitimate', 'carol@carol-home.example'),
  ];
  // Without a profile, the address the notices went to stands in for the user's.
  const { container } = render(<SweepFloodReport items={items} lang="de" />);
  expect(container.querySelector('[data-answer]')?.getAttribute('data-answer')).toBe('forged');
  expect(container.textContent).toContain('Was für carol-home.example zu tun ist');
});
