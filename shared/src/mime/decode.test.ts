import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { describe, expect, test } from 'vitest';
import { MAX_TEXT_CHARS } from '../limits';
import { asciiSameIn, latin1 } from './bytes';
import {
  base64Body,
  decodeHeaderWords,
  decodePartBytes,
  decodePartText,
  htmlToText,
  latin1ToUtf8,
  otherEncodingBody,
  quotedPrintableBody,
  withoutComments,
} from './decode';
import { scanStructure } from './structure';

const utf8 = new TextEncoder();

/** The reference: a body decoded by postal-mime itself, wrapped as a one-part message (what the engine did before it was synchronous). */
async function viaPostalMime(body: Uint8Array, encoding: string): Promise<Uint8Array> {
  const head = utf8.encode(
    `Content-Type: application/octet-stream\nContent-Transfer-Encoding: ${encoding}\nContent-Disposition: attachment\n\n`,
  );
  const mini = new Uint8Array(head.length + body.length);
  mini.set(head, 0);
  mini.set(body, head.length);
  const email = await PostalMime.parse(mini, { attachmentEncoding: 'arraybuffer' });
  const content = email.attachments[0]?.content;
  return content instanceof ArrayBuffer ? new Uint8Array(content) : body;
}
/** A one-part message: its bytes (UTF-8 for any non-ASCII in the template) and its root part. */
function single(headers: string, content: string | Uint8Array) {
  const head = utf8.encode(`${headers}\n\n`);
  const tail = typeof content === 'string' ? utf8.encode(content) : content;
  const bytes = new Uint8Array(head.length + tail.length);
  bytes.set(head, 0);
  bytes.set(tail, head.length);
  return { bytes, part: scanStructure(latin1(bytes)).root };
}

describe('decodePartText', () => {
  test.each([
    {
      name: 'base64, UTF-8',
      headers: 'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64',
      content: 'R3LDvMOfZSBhdXMgVG9reW8K\n',
      text: 'Grüße aus Tokyo\n',
    },
    {
      // The classic Japanese carrier layout: ISO-2022-JP in base64 ("テスト").
      name: 'base64, ISO-2022-JP',
      headers: 'Content-Type: text/plain; charset="ISO-2022-JP"\nContent-Transfer-Encoding: base64',
      content: 'GyRCJUYlOSVIGyhC\n',
      text: 'テスト',
    },
    {
      name: 'quoted-printable with a soft line break, UTF-8',
      headers: 'Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable',
      content: 'Gr=C3=BC=C3=9Fe, the mailbox is =\nfull=2E\n',
      text: 'Grüße, the mailbox is full.\n',
    },
    {
      name: 'quoted-printable, ISO-8859-1',
      headers: 'Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: Quoted-Printable',
      content: 'Empf=E4nger unbekannt\n',
      text: 'Empfänger unbekannt\n',
    },
    {
      name: '8bit KOI8-R, no postal-mime',
      headers: 'Content-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: 8bit',
      content: Uint8Array.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]),
      text: 'Привет',
    },
    {
      name: 'HTML reduced to text',
      headers: 'Content-Type: text/html; charset=utf-8',
      content:
        '<html><body><p>Delivery has failed to these recipients:</p><a href="mailto:x">x@example.org</a></body></html>',
      text: 'Delivery has failed to these recipients:\nx@example.org',
    },
  ])('$name', async ({ headers, content, text }) => {
    const { bytes, part } = single(headers, content);
    expect(decodePartText(bytes, part)).toBe(text);
  });

  test('bounded at MAX_TEXT_CHARS', () => {
    const { bytes, part } = single('Content-Type: text/plain', 'a'.repeat(MAX_TEXT_CHARS + 1000));
    expect(decodePartText(bytes, part)).toHaveLength(MAX_TEXT_CHARS);
  });

  test('broken base64 does not throw', () => {
    const { bytes, part } = single('Content-Transfer-Encoding: base64', '!!!not base64***\n');
    expect(decodePartText(bytes, part)).toBeTypeOf('string');
  });
});

describe('decodePartBytes', () => {
  test('base64 to bytes', () => {
    const { bytes, part } = single(
      'Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64',
      'AAEC/w==\n',
    );
    expect([...decodePartBytes(bytes, part)]).toEqual([0, 1, 2, 255]);
  });

  test('identity encodings return the body bytes themselves', () => {
    const { bytes, part } = single('Content-Transfer-Encoding: 8bit', 'raw\n');
    const out = decodePartBytes(bytes, part);
    expect(out.buffer).toBe(bytes.buffer);
    expect(latin1(out)).toBe('raw\n');
  });

  test('an unknown transfer encoding leaves the bytes as they are', () => {
    const { bytes, part } = single('Content-Transfer-Encoding: x-unknown', 'abc');
    expect(latin1(decodePartBytes(bytes, part)).trimEnd()).toBe('abc');
  });
});

describe('decodeHeaderWords', () => {
  test.each([
    { name: 'undefined', value: undefined, want: undefined },
    { name: 'plain ASCII', value: 'Returned mail: User unknown', want: 'Returned mail: User unknown' },
    // Japanese carriers: "Subject: =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=".
    { name: 'ISO-2022-JP, B encoding', value: '=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=', want: 'テスト' },
    {
      name: 'UTF-8, Q encoding',
      value: '=?utf-8?Q?Unzustellbar:_Gr=C3=BC=C3=9Fe?=',
      want: 'Unzustellbar: Grüße',
    },
    {
      // RFC 2047 §6.2: white space between adjacent encoded words is dropped.
      name: 'adjacent encoded words join',
      value: '=?UTF-8?B?0J3QtdC00L7RgdGC0LA=?= =?UTF-8?B?0LLQu9C10L3Qvg==?=',
      want: 'Недоставлено',
    },
    {
      name: 'encoded word with plain text around it',
      value: 'Re: =?iso-8859-1?q?Abwesenheit?= (info)',
      want: 'Re: Abwesenheit (info)',
    },
    {
      // RFC 6532: raw UTF-8 in a header, read here as latin1.
      name: 'raw UTF-8 read as latin1',
      value: latin1(utf8.encode('Automatische Antwort: Grüße')),
      want: 'Automatische Antwort: Grüße',
    },
  ])('$name', ({ value, want }) => {
    expect(decodeHeaderWords(value)).toBe(want);
  });

  test.each(['=?utf-8?B?####?=', '=?no-such-charset?Q?abc?=', '=?utf-8?X?abc?=', '=?'])(
    'malformed "%s" does not throw',
    value => {
      expect(decodeHeaderWords(value)).toBeTypeOf('string');
    },
  );
});

describe('encoded words split inside a character', () => {
  test('ISO-2022-JP split between two words', () => {
    expect(decodeHeaderWords('=?iso-2022-jp?B?GyRCJUYl?= =?iso-2022-jp?B?OSVIGyhC?=')).toBe('テスト');
  });

  // Regression (was a bug): RFC 2047 §5 wants whole characters in each encoded word, but mailers split UTF-8 anywhere
  // ("テスト" as E3 83 86 E3 82 B9 E3 83 | 88); each word is decoded alone, so the split character becomes
  // two U+FFFD. Adjacent B-words of one charset need joining as bytes before decoding.
  test('UTF-8 split inside a character', () => {
    expect(decodeHeaderWords('=?utf-8?B?44OG44K544M=?= =?utf-8?B?iA==?=')).toBe('テスト');
  });
});

describe('latin1ToUtf8', () => {
  test.each([
    { name: 'ASCII unchanged', value: 'abc', want: 'abc' },
    { name: 'latin1 view of UTF-8', value: 'Gr\u00c3\u00bc\u00c3\u009fe', want: 'Grüße' },
  ])('$name', ({ value, want }) => {
    expect(latin1ToUtf8(value)).toBe(want);
  });

  // Regression (was a bug): its comment says values are re-read "when they are valid UTF-8", but an 8-bit ISO-8859-1
  // header ("Subject: Grüße" sent raw) is decoded anyway and its umlauts become U+FFFD.
  test('a raw ISO-8859-1 value that is not valid UTF-8 is kept', () => {
    expect(latin1ToUtf8('Gr\u00fc\u00dfe')).toBe('Grüße');
  });
});

describe('htmlToText', () => {
  test.each([
    { name: 'tags dropped', html: '<b>User</b> <i>unknown</i>', text: 'User unknown' },
    {
      name: 'line breaks from <br> and block ends',
      html: 'a<br>b<br/>c</p>d</div>e</tr>f</li>g</h2>h',
      text: 'a\nb\nc\nd\ne\nf\ng\nh',
    },
    {
      name: 'script and style removed with their content',
      html: '<style>p{color:red}</style>x<script>alert(1)</script>y',
      text: ' x y',
    },
    {
      name: 'named entities',
      html: '&lt;kijitora@example.jp&gt; &amp; &quot;x&quot; &apos;y&apos;&nbsp;z',
      text: '<kijitora@example.jp> & "x" \'y\' z',
    },
    { name: 'numeric entities', html: '&#233;&#xE9;&#X41;', text: 'ééA' },
    {
      name: 'unknown or out-of-range entities kept',
      html: '&bogus; &#0; &#x110000;',
      text: '&bogus; &#0; &#x110000;',
    },
    { name: 'runs of spaces and tabs collapsed', html: 'a  \t  b', text: 'a b' },
    { name: 'upper-case tags', html: 'a<BR>b<SCRIPT type=x>z</SCRIPT >c</DIV>d', text: 'a\nb c\nd' },
    { name: 'an unclosed style leaves its tag out and its text in', html: '<style>x<b>y', text: 'xy' },
    {
      name: 'a tag longer than 2,000 characters stays text',
      html: `<${'a'.repeat(2001)}>b`,
      text: `<${'a'.repeat(2001)}>b`,
    },
    { name: '"<" without ">" is text', html: 'a < b <<', text: 'a < b <<' },
    { name: 'no word boundary: <styles> is an ordinary tag', html: '<styles>x</styles>', text: 'x' },
    { name: 'characters whose lower case is longer keep indexes aligned', html: 'İ<b>x</b>İ', text: 'İxİ' },
    {
      name: 'mixed-case names, closing tags with spaces, <br /> and block ends',
      html: 'a<Br />b<sTyLe>p{}</StYlE\t>c</TaBlE>d</H1 >e</TR>f',
      text: 'a\nb c\nde\nf',
    },
    { name: '<brx> and </tbody> break no line', html: 'a<brx>b</tbody>c', text: 'abc' },
    {
      // U+212A KELVIN SIGN lower-cases to "k": "<scriptK" is not a script tag, as with toLowerCase().
      name: 'a Kelvin sign after the name makes another tag',
      html: 'a<script\u212a>b</script>c',
      text: 'abc',
    },
    {
      name: 'thousands of unclosed style tags: their text stays, in order',
      html: 'x' + '<style>p{}'.repeat(3000),
      text: 'x' + 'p{}'.repeat(3000),
    },
  ])('$name', ({ html, text }) => {
    expect(htmlToText(html)).toBe(text);
  });

  test('the text is cut at maxChars while scanning, not after', () => {
    expect(htmlToText('<b>abc</b>def<i>ghi</i>', 5)).toBe('abcde');
  });

  // Issue 8 §1: an unclosed <style> repeated, and runs of "<", took 17–22 s on 512 KB with the regexes.
  test.each([
    { name: 'unclosed <style> repeated', html: '<style>'.repeat(75_000) },
    { name: 'unclosed <script> with text repeated', html: '<script x>aaa'.repeat(40_000) },
    { name: 'a run of "<"', html: '<'.repeat(512_000) + '>' },
    { name: '"</style" without ">" repeated', html: '<style>' + '</style  '.repeat(56_000) },
  ])('linear on $name', ({ html }) => {
    const start = performance.now();
    htmlToText(html);
    expect(performance.now() - start).toBeLessThan(3000);
  });
});

describe('base64Body and quotedPrintableBody decode as postal-mime does', () => {
  // The engine decoded every encoded part through postal-mime; its own decoders must give the same
  // bytes for any input, valid or not: random bodies over the characters that matter to each.
  const body = (alphabet: string) =>
    fc
      .array(
        fc.oneof(
          fc.constantFrom(...alphabet.split('').map(c => c.charCodeAt(0))),
          fc.integer({ min: 0, max: 255 }),
        ),
        { maxLength: 200 },
      )
      .map(a => Uint8Array.from(a));

  test.each([
    ['base64', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/====\r\n \t.'],
    ['quoted-printable', '=====0123456789abcdefABCDEFgG\r\n\r\n \t'],
  ])('%s', async (encoding, alphabet) => {
    const ours = encoding === 'base64' ? base64Body : quotedPrintableBody;
    await fc.assert(
      fc.asyncProperty(body(alphabet), async b => {
        expect([...ours(b)]).toEqual([...(await viaPostalMime(b, encoding))]);
      }),
      { numRuns: 400 },
    );
  });

  // The decoder copies the text between "=" signs in runs (natively when longer than 4 bytes): a run at a
  // line's start and end, an "=" whose hex pair the line end cuts, and soft breaks after a long run.
  test.each([
    ['abcdefghij=41klmnopqrst', 'abcdefghijAklmnopqrst\n'],
    ['=41=42=43', 'ABC\n'],
    [
      'a long run of text ending in a soft break=\r\nand more=',
      'a long run of text ending in a soft breakand more',
    ],
    [
      'cut pair at the end =4\nnext line with =3D and =zz',
      'cut pair at the end =4\nnext line with = and =zz\n',
    ],
    ['=\n=\n=4', '=4\n'],
    ['no equals sign in this line at all\nnor here', 'no equals sign in this line at all\nnor here\n'],
    ['12345=\n', '12345'],
    ['==41', '=A\n'],
  ])('quoted-printable %j', async (input, want) => {
    const b = new TextEncoder().encode(input);
    expect(new TextDecoder().decode(quotedPrintableBody(b))).toBe(want);
    expect([...quotedPrintableBody(b)]).toEqual([...(await viaPostalMime(b, 'quoted-printable'))]);
  });

  // Any other transfer-encoding value went to postal-mime as it stood; otherEncodingBody reads it the same
  // way: its first token after comments, base64 or quoted-printable if the token says so, else raw bytes.
  test.each([
    'x-base64',
    '(note) base64',
    '"base64"',
    'base64; x=1',
    'quoted-printable (c)',
    'x-quoted-printable',
    '7bit (c)',
    '(base64; y',
    '(unclosed base64',
    'base64 (unclosed',
    'x-uuencode',
    '\\(base64)',
    'a=(b) base64',
    '',
  ])('the encoding %j decodes as postal-mime decodes it', async encoding => {
    const b = utf8.encode('aGVsbG8=\r\ncaf=C3=A9 =\r\n');
    expect([...otherEncodingBody(b, encoding)]).toEqual([...(await viaPostalMime(b, encoding))]);
  });

  test('random encoding values decode as postal-mime decodes them', async () => {
    const value = fc
      .array(
        fc.constantFrom(
          '(',
          ')',
          '"',
          '\\',
          ';',
          '=',
          ' ',
          '\t',
          'base64',
          'quoted-printable',
          'x-',
          'a',
          '7bit',
        ),
        {
          maxLength: 12,
        },
      )
      .map(a => a.join(''));
    await fc.assert(
      fc.asyncProperty(value, body('\r\n=aG8 '), async (encoding, raw) => {
        expect([...otherEncodingBody(raw, encoding)]).toEqual([...(await viaPostalMime(raw, encoding))]);
      }),
      { numRuns: 500 },
    );
  });

  test.each([
    ['a (b) c', 'a  c'],
    ['a (b (c) d) e', 'a  e'],
    ['"a (b)" c', '"a (b)" c'],
    ['x=y(z); w', 'x=y(z); w'],
    ['x=y (z); w', 'x=y ; w'],
    ['a (open; b', 'a (open; b'],
    ['a (open', 'a '],
  ])('withoutComments(%j)', (value, expected) => {
    expect(withoutComments(value)).toBe(expected);
  });

  test.each([
    ['base64', 'aGVsbG8=\r\nd29y\r\nbGQ=', 'helloworld'],
    ['base64', 'aGVsbG8gd29ybGQ', 'hello world'],
    ['quoted-printable', 'caf=C3=A9 =\r\nnoir=3d=\r\n', 'café noir='],
    ['quoted-printable', 'a=4\nb=ZZ\r\r\nc', 'a=4\nb=ZZ\nc\n'],
  ])('%s %j', (encoding, text, expected) => {
    const b = utf8.encode(text);
    const out = encoding === 'base64' ? base64Body(b) : quotedPrintableBody(b);
    expect(new TextDecoder().decode(out)).toBe(expected);
  });
});

describe('decodePartText with the ASCII text of the message (a slice, not a second decode)', () => {
  test.each([
    ['utf-8', true],
    ['us-ascii', true],
    [undefined, true],
    ['ISO-8859-1', true],
    ['"windows-1252"', true],
    ['koi8-r', true],
    ['x-no-such-charset', true], // refused: read as UTF-8, or windows-1252
    ['iso-2022-jp', false], // ESC sequences are ASCII bytes
    ['utf-16le', false],
    ['shift_jis', false],
  ])('asciiSameIn(%j) is %j', (charset, same) => {
    expect(asciiSameIn(charset)).toBe(same);
  });

  const charsets = [
    'utf-8',
    'us-ascii',
    'iso-8859-2',
    'iso-2022-jp',
    'utf-16le',
    'iso-2022-kr',
    'x-bogus',
    'gbk',
  ];
  test('ASCII parts in any charset: the same text as decoding the bytes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...charsets),
        fc.constantFrom('text/plain', 'text/html', 'message/delivery-status'),
        fc.stringMatching(/^[\x01-\x7f]{0,300}$/),
        (charset, type, body) => {
          // ESC $ B … ESC ( B switches ISO-2022-JP to JIS X 0208 and back: ASCII bytes, other text.
          const content = body + '\x1b$B%F%9%H\x1b(B';
          const { bytes, part } = single(`Content-Type: ${type}; charset=${charset}`, content);
          const text = latin1(bytes);
          expect(decodePartText(bytes, part, text)).toBe(decodePartText(bytes, part));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
