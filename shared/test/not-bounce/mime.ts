// A tiny MIME writer for the negative-set generator (test code only: the engine never writes mail).
import { base64Lines, bin, encode, quotedPrintable } from './encode';

export type Cte = '7bit' | '8bit' | 'quoted-printable' | 'base64';

/** A MIME entity: header fields (values may fold with "\n ") and a body as a binary string with "\n" line ends. */
export interface Entity {
  headers: [string, string][];
  body: string;
}

export function text(
  content: string,
  options: { charset?: string; cte?: Cte; subtype?: string; params?: string } = {},
): Entity {
  const charset = options.charset ?? 'utf-8';
  const cte = options.cte ?? (/^[\x00-\x7f]*$/.test(content) ? '7bit' : 'quoted-printable');
  const bytes = encode(content, charset);
  const body =
    cte === 'base64'
      ? base64Lines(bytes).join('\n')
      : cte === 'quoted-printable'
        ? quotedPrintable(bytes).join('\n')
        : bin(bytes);
  return {
    headers: [
      ['Content-Type', `text/${options.subtype ?? 'plain'}; charset="${charset}"${options.params ?? ''}`],
      ['Content-Transfer-Encoding', cte],
    ],
    body,
  };
}

export function attachment(type: string, filename: string, bytes: Uint8Array, inline = false): Entity {
  return {
    headers: [
      ['Content-Type', `${type}; name="${filename}"`],
      ['Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${filename}"`],
      ['Content-Transfer-Encoding', 'base64'],
    ],
    body: base64Lines(bytes).join('\n'),
  };
}

/** message/rfc822 attachment: the enclosed message as is (7bit/8bit, RFC 2046 §5.2.1 forbids base64). */
export function rfc822(message: string, filename: string): Entity {
  return {
    headers: [
      ['Content-Type', `message/rfc822; name="${filename}"`],
      ['Content-Disposition', `attachment; filename="${filename}"`],
    ],
    body: message.replace(/\n$/, ''),
  };
}

export function multipart(subtype: string, boundary: string, parts: Entity[], params = ''): Entity {
  const body = [
    'This is a multi-part message in MIME format.',
    ...parts.flatMap(p => [`--${boundary}`, renderEntity(p)]),
    `--${boundary}--`,
    '',
  ].join('\n');
  return { headers: [['Content-Type', `multipart/${subtype}; boundary="${boundary}"${params}`]], body };
}

export function renderEntity(e: Entity): string {
  return `${e.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}\n\n${e.body}`;
}

/** Top-level message: header fields first, then the entity's own (Content-Type…), then the body. */
export function message(headers: [string, string][], entity: Entity): string {
  const mime: [string, string][] = [['MIME-Version', '1.0'], ...entity.headers];
  const all = [...headers, ...mime];
  const body = entity.body.endsWith('\n') ? entity.body : entity.body + '\n';
  return `${all.map(([n, v]) => `${n}: ${v}`).join('\n')}\n\n${body}`;
}

export type Eol = '\n' | '\r\n' | '\r';

export function withEol(binary: string, eol: Eol): Uint8Array {
  const s = eol === '\n' ? binary : binary.replace(/\n/g, eol);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    out[i] = s.charCodeAt(i);
  }
  return out;
}
