// The export is opened by someone else (an admin), maybe in a mail client: it must be inert, whatever
// the forged subjects and hosts say.
import { expect, test } from 'vitest';
import { floodHtml } from './html';
import type { FloodReport } from './types';

const hostile = 'Click <a href="https://evil.example/x">here</a> \u202Egpj.exe <script>alert(1)</script>';

const report: FloodReport = {
  total: 3,
  automated: 2,
  verdicts: { backscatter: 2, legitimate: 0, unsure: 0 },
  kinds: { ndr: { backscatter: 2, legitimate: 0, unsure: 0 } },
  first: Date.UTC(2026, 11, 3, 10),
  last: Date.UTC(2026, 11, 3, 12),
  timeline: {
    unit: 'hour',
    utcOffsetMinutes: 0,
    buckets: [{ start: Date.UTC(2026, 11, 3, 10), backscatter: 2, legitimate: 0, unsure: 0 }],
    peak: { start: Date.UTC(2026, 11, 3, 10), count: 2, backscatter: 2 },
    undated: 0,
  },
  campaign: {
    messages: 2,
    subjects: [{ text: hostile, count: 2 }],
    distinctSubjects: 1,
    bouncingDomains: 2,
    entryHosts: [
      { host: 'bot<b>.example', ip: '192.0.2.1', claimed: '"><img src=x>', count: 2, botLike: true },
    ],
    distinctEntryHosts: 1,
    botEntries: 2,
    traced: 2,
  },
  answer: {
    id: 'forged',
    params: { count: 2 },
    evidence: [{ id: 'not-in-sent', params: { count: 2, total: 2 } }],
    notes: [],
    accountMessageIds: [],
  },
  domain: {
    domain: 'example.org',
    kind: 'own',
    provider: undefined,
    dmarc: { policy: 'none', seen: 2, counts: { none: 2 }, failed: 2 },
    spf: { result: 'softfail', seen: 2 },
    dkim: { realMailSignedBy: [], forgedPassed: 0 },
    steps: [{ id: 'dmarc-none-to-reject', params: { domain: 'example.org' } }],
  },
  relays: [],
  admin: [],
};

test('no script, no remote resource, a CSP that forbids both', () => {
  const html = floodHtml(report, 'en');
  expect(html).not.toMatch(/<script|<a |<img|<link|<iframe|<object|\son[a-z]+=/i);
  expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  // Every '<' from a message is escaped, so every tag is ours: only these, and none loads anything.
  const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map(m => m[1]!.toLowerCase()));
  const allowed =
    'html head meta title style body main h1 h2 h3 p strong ul ol li section div span bdi pre code svg desc line rect text';
  expect([...tags].filter(t => !allowed.split(' ').includes(t))).toEqual([]);
  expect(html).not.toMatch(/<[^>]*\s(?:src|href|xlink:href|action|on[a-z]+)\s*=/i);
});

test('message text is escaped and bidi-isolated; subjects are never links', () => {
  const html = floodHtml(report, 'en');
  expect(html).toContain(
    '<bdi>Click &#60;a href=&#34;https://evil.example/x&#34;&#62;here&#60;/a&#62; \u202Egpj.exe &#60;script&#62;alert(1)&#60;/script&#62;</bdi>',
  );
  expect(html).toContain('<bdi>bot&#60;b&#62;.example</bdi>');
  expect(html).toContain('<bdi>&#34;&#62;&#60;img src=x&#62;</bdi>');
});

test('German', () => {
  const html = floodHtml(report, 'de', { now: Date.UTC(2026, 11, 6, 9) });
  expect(html).toContain('<html lang="de">');
  expect(html).toContain('Keine dieser <bdi>2</bdi> zurückgekommenen Nachrichten');
  expect(html).toContain('Erstellt von Backscatter Guard am <bdi>6. Dez., 09:00</bdi>');
});
