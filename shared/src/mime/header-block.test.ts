import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_HEADER_FIELDS, MAX_HEADER_VALUE } from '../limits';
import { header, headers, parseHeaderBlock } from './header-block';

const fieldsOf = (text: string) => parseHeaderBlock(text).fields;

describe('reads fields', () => {
  test.each([
    {
      name: 'names lower-cased, values trimmed',
      text: 'Subject:   Returned mail: see transcript for details  \nFrom: MAILER-DAEMON@example.jp\n',
      want: [
        { name: 'subject', value: 'Returned mail: see transcript for details' },
        { name: 'from', value: 'MAILER-DAEMON@example.jp' },
      ],
    },
    {
      // RFC 5322 §2.2.3: unfolding removes the line break, the white space stays (one space kept).
      name: 'folded lines, spaces and tabs',
      text: 'Received: from mx.example.net (mx.example.net [192.0.2.1])\n\tby mail.example.jp (Postfix)\n        with ESMTP id 4F1; Mon, 1 Jan 2018 00:00:00 +0900\n',
      want: [
        {
          name: 'received',
          value:
            'from mx.example.net (mx.example.net [192.0.2.1]) by mail.example.jp (Postfix) with ESMTP id 4F1; Mon, 1 Jan 2018 00:00:00 +0900',
        },
      ],
    },
    {
      name: 'white space before the colon',
      text: 'Subject : Undeliverable\n',
      want: [{ name: 'subject', value: 'Undeliverable' }],
    },
    {
      // The name rule (RFC 5322 §3.6.8 ftext, at most 76 here): 76 characters make a field, 77 do not
      // (that line only ends the open field); a space inside the name is no field either.
      name: 'field names: 76 characters, not 77, no inner space',
      text: `${'N'.repeat(76)}: a\n${'M'.repeat(77)}: b\nX Y: c\nZ:\td\n`,
      want: [
        { name: 'n'.repeat(76), value: 'a' },
        { name: 'z', value: 'd' },
      ],
    },
    {
      name: 'an empty value',
      text: 'X-Empty:\nTo: a@example.org\n',
      want: [
        { name: 'x-empty', value: '' },
        { name: 'to', value: 'a@example.org' },
      ],
    },
    {
      // Verizon and some Java mailers: "Content-Type: multipart/alternative;\nboundary=…" without folding.
      name: 'a parameter continued without folding white space',
      text: 'Content-Type: multipart/alternative;\nboundary="----=_Part_0_1"\nMIME-Version: 1.0\n',
      want: [
        { name: 'content-type', value: 'multipart/alternative; boundary="----=_Part_0_1"' },
        { name: 'mime-version', value: '1.0' },
      ],
    },
    {
      // Sisimai's samples start with the mbox envelope line "From MAILER-DAEMON Thu Apr 29 23:34:45 2010".
      name: 'mbox From line skipped',
      text: 'From MAILER-DAEMON Thu Apr 29 23:34:45 2010\nReturn-Path: <>\nX-Original-To: kijitora@example.jp\n',
      want: [
        { name: 'return-path', value: '<>' },
        { name: 'x-original-to', value: 'kijitora@example.jp' },
      ],
    },
    {
      name: 'mboxrd ">From " line skipped',
      text: '>From someone@example.org Thu Apr 29 23:34:45 2010\nSubject: x\n',
      want: [{ name: 'subject', value: 'x' }],
    },
    {
      name: 'a garbage line ends the open field; its continuation is dropped',
      text: 'Subject: first\nthis is not a header line\n  and not a continuation of Subject\nTo: a@example.org\n',
      want: [
        { name: 'subject', value: 'first' },
        { name: 'to', value: 'a@example.org' },
      ],
    },
    {
      name: 'a bare "name=value" line after a field that does not end with ";" is not a continuation',
      text: 'Content-Type: text/plain\ncharset=utf-8\n',
      want: [{ name: 'content-type', value: 'text/plain' }],
    },
    {
      name: 'a continuation before any field is ignored',
      text: '  orphan continuation\nSubject: x\n',
      want: [{ name: 'subject', value: 'x' }],
    },
    {
      name: 'a name of more than 76 characters is not a field',
      text: `${'X'.repeat(77)}: y\nSubject: x\n`,
      want: [{ name: 'subject', value: 'x' }],
    },
    {
      name: 'no trailing newline',
      text: 'Subject: last',
      want: [{ name: 'subject', value: 'last' }],
    },
  ])('$name', ({ text, want }) => {
    const block = parseHeaderBlock(text);
    expect(block.fields).toEqual(want);
    expect(block.truncated).toBe(false);
  });
});

describe('limits', () => {
  test('stops after MAX_HEADER_FIELDS fields and says so', () => {
    const text = Array.from({ length: MAX_HEADER_FIELDS + 5 }, (_, i) => `X-N: ${i}`).join('\n');
    const block = parseHeaderBlock(text);
    expect(block.truncated).toBe(true);
    expect(block.fields).toHaveLength(MAX_HEADER_FIELDS);
    expect(block.fields.at(-1)?.value).toBe(String(MAX_HEADER_FIELDS - 1));
  });

  test('exactly MAX_HEADER_FIELDS fields is not truncated', () => {
    const text = Array.from({ length: MAX_HEADER_FIELDS }, (_, i) => `X-N: ${i}`).join('\n');
    expect(parseHeaderBlock(text).truncated).toBe(false);
  });

  test('a long value is cut at MAX_HEADER_VALUE', () => {
    const [field] = fieldsOf(`Subject: ${'a'.repeat(MAX_HEADER_VALUE * 2)}\n`);
    // The cut counts the space after the colon, which trimming then drops.
    expect(field?.value.length).toBeGreaterThanOrEqual(MAX_HEADER_VALUE - 1);
    expect(field?.value.length).toBeLessThanOrEqual(MAX_HEADER_VALUE);
  });

  test('continuations stop growing a value past MAX_HEADER_VALUE', () => {
    const line = ' ' + 'b'.repeat(99);
    const text = `References: <a@b>\n${Array.from({ length: 1000 }, () => line).join('\n')}\nTo: x@example.org\n`;
    const fields = fieldsOf(text);
    expect(fields[0]!.value.length).toBeLessThanOrEqual(MAX_HEADER_VALUE + line.length + 1);
    expect(fields[1]).toEqual({ name: 'to', value: 'x@example.org' });
  });
});

describe('header / headers', () => {
  const fields = fieldsOf('Received: one\nSubject: first\nReceived: two\nsubject: second\n');

  test.each([
    { name: 'subject', want: 'first' },
    { name: 'received', want: 'one' },
    { name: 'x-missing', want: undefined },
  ])('header($name): the first wins', ({ name, want }) => {
    expect(header(fields, name)).toBe(want);
  });

  test.each([
    { name: 'received', want: ['one', 'two'] },
    { name: 'subject', want: ['first', 'second'] },
    { name: 'x-missing', want: [] },
  ])('headers($name): all, in order', ({ name, want }) => {
    expect(headers(fields, name)).toEqual(want);
  });
});

// The line-by-line reading parseHeaderBlock() had before it read each field line with one match (name,
// value and line end together): the specification the property below holds it to, for any block.
const FIELD_NAME = /[!-9;-~]{1,76}(?=[ \t]*:)/y;
const PARAMETER_LINE = /^[a-z0-9*-]{1,40}=/i;
function byLines(text: string, maxValue = MAX_HEADER_VALUE): { name: string; value: string }[] {
  const fields: { name: string; value: string }[] = [];
  let name: string | undefined;
  let value = '';
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) {
      nl = text.length;
    }
    const start = pos;
    pos = nl + 1;
    const first = text.charCodeAt(start);
    if (first === 0x20 || first === 0x09) {
      if (name !== undefined && value.length < maxValue) {
        value += ' ' + text.slice(start, nl).trim();
      }
      continue;
    }
    FIELD_NAME.lastIndex = start;
    if (start === nl || !FIELD_NAME.test(text)) {
      const line = text.slice(start, nl);
      if (name !== undefined && value.trimEnd().endsWith(';') && PARAMETER_LINE.test(line)) {
        value += ' ' + line.trim();
        continue;
      }
      if (name !== undefined) {
        fields.push({ name, value: value.trim() });
        name = undefined;
      }
      continue;
    }
    if (name !== undefined) {
      fields.push({ name, value: value.trim() });
    }
    const nameEnd = FIELD_NAME.lastIndex;
    name = text.slice(start, nameEnd).toLowerCase();
    const colon = text.indexOf(':', nameEnd);
    value = text.slice(colon + 1, Math.min(nl, colon + 1 + maxValue));
  }
  if (name !== undefined) {
    fields.push({ name, value: value.trim() });
  }
  return fields;
}

describe('one match per field line reads as the line-by-line reading (property)', () => {
  const line = fc.oneof(
    fc.constantFrom(
      'Subject: x',
      'Subject :  two words  ',
      'Content-Type: multipart/mixed;',
      'boundary="b:1"',
      'charset=us-ascii',
      'X-Empty:',
      ':no name',
      'From MAILER-DAEMON Thu Sep 18 17:54:04 2008',
      `${'N'.repeat(76)}: a`,
      `${'M'.repeat(77)}: b`,
      'X Y: c',
      'Z:\td',
      ' folded  ',
      '\tfolded',
      '',
      ' ',
      '\u0000',
      'A: b\r',
      'Ü: x',
      'a:b:c',
    ),
    fc.string({ maxLength: 20 }).map(s => s.replace(/\n/g, '')),
  );
  test('random blocks', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.boolean(), (lines, lastLf) => {
        const text = lines.join('\n') + (lastLf ? '\n' : '');
        expect(parseHeaderBlock(text).fields).toEqual(byLines(text));
      }),
      { numRuns: 3000 },
    );
  });
  test.each([
    ['a value at the limit', `A: ${'v'.repeat(MAX_HEADER_VALUE + 10)}\n folded\nB: c\n`],
    ['folded past the limit', `A: ${'v'.repeat(MAX_HEADER_VALUE - 3)}\n x\n y\n z\n`],
    ['a parameter line after a long value', `A: ${'v'.repeat(MAX_HEADER_VALUE)};\nb=1\n c\n`],
  ])('%s', (_, text) => {
    expect(parseHeaderBlock(text).fields).toEqual(byLines(text));
  });
});
