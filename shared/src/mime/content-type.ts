// RFC 2045 §5.1 Content-Type: type "/" subtype *(";" parameter). Parameters may be quoted, and RFC 2231
// continuations (name*0=, name*1=) appear in real mail for long boundaries and file names.

export interface ContentType {
  type: string; // "multipart/report", lower-case
  params: Record<string, string>; // lower-case names
}

const PARAM = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.){0,2000})"|([^;\s]{0,2000}))/g;

export function parseContentType(value: string | undefined): ContentType {
  if (!value) {
    return { type: 'text/plain', params: {} };
  }
  const semi = value.indexOf(';');
  const type = (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
  const params: Record<string, string> = {};
  const continued: Record<string, string[]> = {};
  if (semi !== -1) {
    const rest = value.slice(semi, semi + 4000);
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
  }
  for (const [name, pieces] of Object.entries(continued)) {
    params[name] ??= pieces.join('');
  }
  return { type: type.includes('/') ? type : 'text/plain', params };
}
