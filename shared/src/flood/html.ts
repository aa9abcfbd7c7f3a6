// The report as one self-contained HTML file, to keep or send to an admin: no script, no remote
// resource (a Content-Security-Policy of default-src 'none' says so to the browser too), styles in the
// file, the chart as inline SVG. Every value from the report is escaped and bidi-isolated (<bdi>), so a
// subject in Arabic or one carrying U+202E cannot reorder the sentence around it; subjects are text,
// never links. Pure: a string out.
import type { Lang } from '../../i18n/index';
import { chartSvg } from './chart';
import type { FloodReport } from './types';
import { type Text, type ViewOptions, floodView } from './view';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

/** Parts as HTML: template text escaped, values escaped and isolated. */
export function textHtml(t: Text): string {
  return t.map(p => (p.isolate ? `<bdi>${escapeHtml(p.text)}</bdi>` : escapeHtml(p.text))).join('');
}

// The answer's colours are the verdicts' tones (shared/ui/tone.ts, as .bg-flood--* in verdict.css):
// forged amber (backscatter), account red (failure), real blue (info).
const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1d;background:#fff;margin:0;padding:16px}
main{max-width:44rem;margin:0 auto}
h1{font-size:1.3rem;margin:0 0 .75rem}
h2{font-size:1.05rem;margin:1.5rem 0 .5rem}
.answer{border-left:6px solid #757575;background:#f5f5f5;padding:.75rem 1rem;border-radius:4px}
.answer--forged{border-color:#b45309;background:#fff7ed}
.answer--account{border-color:#b91c1c;background:#fef2f2}
.answer--real{border-color:#1d4ed8;background:#eff6ff}
.answer h2{margin:0 0 .4rem;font-size:1.1rem}
.answer p{margin:.3rem 0}
ul{padding-left:1.25rem;margin:.3rem 0}
.chart{margin:1rem 0;max-width:34rem}
.muted{color:#555;font-size:.9rem}
.count{color:#555;margin-left:.4rem;font-variant-numeric:tabular-nums}
.steps li{margin:.3rem 0}
pre{background:#f4f4f4;border:1px solid #ddd;border-radius:4px;padding:.6rem;overflow-x:auto;font-size:.82rem;white-space:pre}
.block h3{font-size:.98rem;margin:1rem 0 .25rem}
.block p{margin:.25rem 0}
`;

export function floodHtml(report: FloodReport, lang: Lang, options: ViewOptions = {}): string {
  const v = floodView(report, lang, options);
  const li = (items: readonly Text[]) => items.map(t => `<li>${textHtml(t)}</li>`).join('');
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(v.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(v.title)}</h1>`,
    `<section class="answer answer--${v.tone}" data-answer="${escapeHtml(report.answer.id)}">`,
    `<h2>${textHtml(v.answer.title)}</h2>`,
    `<p>${textHtml(v.answer.summary)}</p>`,
  ];
  if (v.answer.evidence.length > 0) {
    out.push(`<p><strong>${escapeHtml(v.labels.why)}</strong></p>`, `<ul>${li(v.answer.evidence)}</ul>`);
  }
  if (v.answer.notes.length > 0) {
    out.push(`<ul class="notes">${li(v.answer.notes)}</ul>`);
  }
  out.push('</section>');
  out.push(`<div class="chart">${chartSvg(v.chart)}</div>`);
  out.push(`<p class="muted">${textHtml(v.counts)}${v.period ? ` ${textHtml(v.period)}` : ''}</p>`);
  if (v.domain !== undefined) {
    out.push(
      `<section class="domain"><h2>${textHtml(v.domain.heading)}</h2>`,
      `<ol class="steps">${li(v.domain.steps)}</ol>`,
      `<ul class="muted">${li(v.domain.facts)}</ul></section>`,
    );
  }
  if (v.campaign !== undefined) {
    const c = v.campaign;
    out.push(
      `<section class="campaign"><h2>${escapeHtml(c.heading)}</h2>`,
      `<p>${textHtml(c.summary)}</p>`,
      `<p>${escapeHtml(c.subjectsHeading)}</p>`,
      `<ul class="subjects">${c.subjects.map(s => `<li><bdi>${escapeHtml(s.text)}</bdi><span class="count">${escapeHtml(s.count)}</span></li>`).join('')}</ul>`,
      `<p>${textHtml(c.hostsHeading)}</p>`,
      `<ul class="hosts">${c.hosts
        .map(
          h =>
            `<li><bdi>${escapeHtml(h.host)}</bdi>${h.ip ? ` [<bdi>${escapeHtml(h.ip)}</bdi>]` : ''}<span class="count">${escapeHtml(h.count)}</span>${h.note.length > 0 ? ` <span class="muted">(${textHtml(h.note)})</span>` : ''}</li>`,
        )
        .join('')}</ul></section>`,
    );
  }
  if (v.kinds.length > 0) {
    out.push(`<p class="muted">${escapeHtml(v.labels.kinds)}</p><ul class="muted">${li(v.kinds)}</ul>`);
  }
  out.push(
    `<section class="admin"><h2>${escapeHtml(v.admin.heading)}</h2>`,
    `<p>${textHtml(v.admin.intro)}</p>`,
  );
  for (const b of v.admin.blocks) {
    out.push(
      `<div class="block" data-block="${escapeHtml(b.id)}"><h3>${escapeHtml(b.title)}</h3>`,
      `<p>${textHtml(b.note)}</p>`,
      `<pre><code>${escapeHtml(b.text)}</code></pre></div>`,
    );
  }
  out.push('</section>');
  if (v.footer.length > 0) {
    out.push(`<p class="muted">${textHtml(v.footer)}</p>`);
  }
  out.push('</main>', '</body>', '</html>', '');
  return out.join('\n');
}
