// The export is opened by someone else (an admin), maybe in a mail client: it must be inert, whatever
// the forged subjects and hosts say.
import { expect, test } from 'vitest';
import { floodHtml } from './html';
import { sampleReport } from './testing';

const hostile = 'Click <a href="https://evil.example/x">here</a> \u202Egpj.exe <script>alert(1)</script>';

const report = sampleReport({
  subject: hostile,
  host: 'bot<b>.example',
  claimed: '"><img src=x>',
  admin: [],
});

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
