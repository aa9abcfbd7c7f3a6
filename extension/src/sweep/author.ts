// Thunderbird's `author` is the decoded From header as written: `"Neko, Nyaan" <neko@example.jp>`,
// `Mail Delivery System <MAILER-DAEMON@mx.example>`, or a bare address. The sweep splits it into a
// display name and an address: the name for the table (people read names, not header syntax), both
// for screen(). String scans only, no regular expression: the value is written by the sender.

export interface Author {
  name: string;
  address: string;
}

/** Removes one pair of surrounding double quotes and the backslash escapes inside them (RFC 5322 §3.2.4). */
function unquote(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    let out = '';
    const inner = trimmed.slice(1, -1);
    for (let index = 0; index < inner.length; index += 1) {
      const char = inner[index];
      if (char === '\\' && index + 1 < inner.length) {
        index += 1;
        out += inner[index];
      } else {
        out += char;
      }
    }
    return out.trim();
  }
  return trimmed;
}

export function parseAuthor(author: string): Author {
  const open = author.lastIndexOf('<');
  const close = author.lastIndexOf('>');
  if (open >= 0 && close > open) {
    return { name: unquote(author.slice(0, open)), address: author.slice(open + 1, close).trim() };
  }
  const bare = author.trim();
  return bare.includes('@') ? { name: '', address: bare } : { name: unquote(bare), address: '' };
}

/** What the From column shows: the display name, or the address when there is none. */
export function displayAuthor(author: string): string {
  const { name, address } = parseAuthor(author);
  return name || address || author.trim();
}
