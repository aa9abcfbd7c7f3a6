// End-to-end for the exported flood report (issue 13): the HTML the CLI and the shells write, opened
// offline in Debian's Chromium. It must run no script, request nothing, and show the same chart and
// words as the view it was made from; at 320 px wide it must not scroll sideways.
//   npm run test:e2e:report                                   (BSG_E2E_SCREENSHOTS=dir keeps pictures)
//   npm run test:e2e:report -- --readme docs/screenshots/flood-report.png   (the README's picture)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { floodHtml, floodReport, floodView, plainText } from '../../src/flood/index';
import { buildScenario, type ScenarioOptions } from './scenario';
import { decideScenario } from './run';

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.log(`  report e2e skipped: no Chromium at ${executablePath}`);
  process.exit(0);
}
const readme = process.argv.includes('--readme')
  ? process.argv[process.argv.indexOf('--readme') + 1]
  : undefined;
const shots = process.env['BSG_E2E_SCREENSHOTS'];
const NOW = Date.UTC(2026, 11, 6, 9, 0);
const dir = mkdtempSync(path.join(tmpdir(), 'bg-report-e2e-'));
const results: { name: string; ok: boolean }[] = [];

async function check(name: string, fn: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(
      `  ✗ ${name}\n    ${String((error as Error)?.stack ?? error)
        .split('\n')
        .slice(0, 8)
        .join('\n    ')}`,
    );
  }
}

async function exportFor(options: ScenarioOptions, lang: 'en' | 'de', file: string) {
  const s = await buildScenario(options);
  const d = await decideScenario(s);
  const report = floodReport(d.items, d.profile);
  const html = floodHtml(report, lang, { now: NOW });
  const target = path.join(dir, file);
  writeFileSync(target, html);
  return { s, report, view: floodView(report, lang, { now: NOW }), url: pathToFileURL(target).href };
}

const browser = await chromium.launch({
  executablePath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});

/** Opens the file offline, recording every request that is not the file itself. */
async function open(url: string, width: number): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, offline: true });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', r => {
    if (r.url() !== url) {
      requests.push(r.url());
    }
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests };
}

try {
  const forged = await exportFor({ mode: 'forged' }, 'en', 'forged.html');
  const account = await exportFor({ mode: 'account-used', persona: 'gmail' }, 'de', 'account.html');

  for (const [name, x] of [
    ['forged flood (English)', forged],
    ['misused account (German)', account],
  ] as const) {
    await check(`${name}: opens offline, no script, no request, same chart and words`, async () => {
      const { page, requests } = await open(x.url, 800);
      const seen = await page.evaluate(() => ({
        scripts: document.scripts.length,
        answer: document.querySelector('[data-answer]')?.getAttribute('data-answer'),
        title: document.querySelector('.answer h2')?.textContent,
        desc: document.querySelector('svg desc')?.textContent,
        label: document.querySelector('svg')?.getAttribute('role'),
        bars: [...document.querySelectorAll('svg rect[data-series]')].map(r => [
          r.getAttribute('data-series'),
          Number(r.getAttribute('data-value')),
          Number(r.getAttribute('height')),
        ]),
        text: document.body.innerText,
        svgWidth: document.querySelector('svg')?.getBoundingClientRect().width ?? 0,
      }));
      assert.equal(seen.scripts, 0, 'no script element');
      assert.deepEqual(requests, [], 'no request besides the file');
      assert.equal(seen.answer, x.report.answer.id);
      assert.equal(seen.title, plainText(x.view.answer.title));
      assert.equal(seen.label, 'img');
      assert.equal(seen.desc, x.view.chart.desc);
      assert.deepEqual(
        seen.bars,
        x.view.chart.bars.map(b => [b.series, b.value, b.h]),
        'the drawn bars are the model’s',
      );
      for (const t of [...x.view.answer.evidence, ...x.view.domain!.steps]) {
        assert.ok(seen.text.includes(plainText(t)), `shows: ${plainText(t)}`);
      }
      assert.ok(seen.svgWidth > 300, `chart drawn ${seen.svgWidth} px wide`);
      if (shots) {
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: path.join(shots, `report-${x.report.answer.id}.png`), fullPage: true });
      }
      await page.context().close();
    });
  }

  await check('forged flood: the chart shows the wave', async () => {
    const { page } = await open(forged.url, 800);
    const bars = await page.evaluate(() =>
      [...document.querySelectorAll('svg rect[data-series="backscatter"]')].map(r =>
        Number(r.getAttribute('data-value')),
      ),
    );
    const total = bars.reduce((a, b) => a + b, 0);
    assert.equal(total, forged.report.verdicts.backscatter);
    assert.ok(
      Math.max(...bars) >= 2 * (total / forged.report.timeline.buckets.length),
      'a peak above the mean',
    );
    // Before the wave: only ordinary mail and real bounces, so no red bar left of its first hour.
    const firstRed = await page.evaluate(() =>
      Number(document.querySelector('svg rect[data-series="backscatter"]')?.getAttribute('x')),
    );
    const chart = forged.view.chart;
    const hoursBefore = Math.floor(
      (forged.s.waveStart - forged.report.timeline.buckets[0]!.start) / 3_600_000,
    );
    const slot = (chart.plot.right - chart.plot.left) / forged.report.timeline.buckets.length;
    assert.ok(
      hoursBefore > 0 && firstRed >= chart.plot.left + hoursBefore * slot - 0.01,
      `first red bar at ${firstRed}`,
    );
    await page.context().close();
  });

  await check('readable at 320 px: nothing scrolls sideways but the config blocks', async () => {
    const { page } = await open(forged.url, 320);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      svg: document.querySelector('svg')!.getBoundingClientRect().width,
      font: Number.parseFloat(getComputedStyle(document.body).fontSize),
    }));
    assert.ok(widths.page <= 320, `page ${widths.page} px wide`);
    assert.ok(widths.svg <= 320 && widths.svg >= 250, `chart ${widths.svg} px`);
    assert.ok(widths.font >= 14);
    await page.context().close();
  });

  if (readme !== undefined) {
    const { page } = await open(forged.url, 720);
    // The top of the report: the answer, the chart, the next step. Kept small for the repository.
    await page.screenshot({ path: readme, fullPage: true, clip: { x: 0, y: 0, width: 720, height: 1060 } });
    // 64 flat colours, as the other README pictures (ImageMagick, when installed; else left as taken).
    spawnSync('convert', [readme, '-strip', '+dither', '-colors', '64', `PNG8:${readme}`]);
    console.log(`  screenshot: ${readme}`);
    await page.context().close();
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
const failed = results.filter(r => !r.ok).length;
console.log(`\n  report e2e: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
