// Bounces written in the languages our users read (issue 2: English, German, French, Spanish,
// Italian, Portuguese, Dutch, Polish, Russian, Japanese, Chinese), each in a charset and transfer
// encoding that language's mail servers use: ISO-8859-1/-2/-15, KOI8-R, ISO-2022-JP, GB2312, Big5,
// UTF-8; quoted-printable, base64 and 7bit. The wording follows Exchange's localised NDR text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../src/index';

const dir = join(import.meta.dirname, 'fixtures/languages');

const cases = [
  { lang: 'de', subject: 'Unzustellbar', recipient: 'max.mueller@example.de', reason: 'user-unknown' },
  { lang: 'fr', subject: 'Non remis', recipient: 'jean.dupont@example.fr', reason: 'user-unknown' },
  { lang: 'es', subject: 'No se puede entregar', recipient: 'juan.perez@example.es', reason: 'mailbox-full' },
  { lang: 'it', subject: 'Non recapitabile', recipient: 'mario.rossi@example.it', reason: 'user-unknown' },
  {
    lang: 'pt',
    subject: 'Não é possível entregar',
    recipient: 'joao.silva@example.pt',
    reason: 'mailbox-full',
  },
  { lang: 'nl', subject: 'Onbestelbaar', recipient: 'jan.devries@example.nl', reason: 'user-unknown' },
  {
    lang: 'pl',
    subject: 'Nie można dostarczyć',
    recipient: 'jan.kowalski@example.pl',
    reason: 'mailbox-full',
  },
  {
    lang: 'ru',
    subject: 'Не удается доставить',
    recipient: 'ivan.petrov@example.ru',
    reason: 'user-unknown',
  },
  { lang: 'ja', subject: '配信不能', recipient: 'taro.yamada@example.jp', reason: 'user-unknown' },
  { lang: 'zh', subject: '无法投递', recipient: 'wang.wei@example.cn', reason: 'user-unknown' },
  { lang: 'zh-tw', subject: '無法傳遞', recipient: 'chen.mei@example.tw', reason: 'user-unknown' },
] as const;

describe('localised bounces', () => {
  test.each(cases)('$lang: kind, decoded subject, failed recipient, reason, original', async c => {
    const a = await analyze(new Uint8Array(readFileSync(join(dir, `prose-${c.lang}.eml`))));
    expect(a.kind).toBe('ndr');
    expect(a.subject).toContain(c.subject);
    expect(a.recipients.map(r => [r.address, r.reason])).toEqual([[c.recipient, c.reason]]);
    expect(a.original?.messageId).toBe(`lang-${c.lang}-0001@example.org`);
    expect(a.lookups[0]).toEqual({ messageId: `lang-${c.lang}-0001@example.org`, role: 'original' });
  });
});
