// RFC 2045 §5.1 Content-Type: type "/" subtype *(";" parameter). Parameters may be quoted, and RFC 2231
// continuations (name*0=, name*1=) appear in real mail for long boundaries and file names.

export interface ContentType {
  type: string; // "multipart/report", lower-case
  params: Record<string, string>; // lower-case names
}

const PARAM = /[;\s]\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.){0,2000})"|([^;\s]{0,2000}))/g;

export function parseContentType(value: string | undefined): ContentType {
  if (!value) {
    return { type: 'text/plain', params: {} };
  }
  // The type is the first token; parameters follow a ";" — or, in broken mail, only white space
  // ("Content-Type: text/plain\n   charset=iso-2022-jp", X1 bounces).
  const typeMatch = /^\s*([a-z0-9!#$&^_.+-]{1,64}\/[a-z0-9!#$&^_.+-]{1,64})/i.exec(value);
  const type = typeMatch ? typeMatch[1]!.toLowerCase() : 'text/plain';
  const params: Record<string, string> = {};
  const continued: Record<string, string[]> = {};
  const rest = ';' + value.slice(typeMatch ? typeMatch[0].length : 0, 4000).replace(/^\s*;?/, '');
  for (const m of rest.matchAll(PARAM)) {
    const rawName = m[1]!.toLowerCase();
    const v = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
    const cont = /^(.+?)\*(\d+)\*?$/.exec(rawName);
    if (cont) {
      (continued[cont[1]!] ??= [])[Number(cont[2])] = v;
    } else {
      params[rawName.replace(/\*$/, '')] ??= v;
    }
  }
  for (const [name, pieces] of Object.entries(continued)) {
    params[name] ??= pieces.join('');
  }
  return { type, params };
}
