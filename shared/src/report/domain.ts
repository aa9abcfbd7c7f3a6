// "The sender's domain is X or under X", for the MTA recognisers. The regex form
// "@(?:[a-z0-9.-]+\.)?yahoo\.[a-z.]+$" is quadratic on a long run of ".yahoo.x" (its optional prefix and
// the tail overlap; ~25 s on 256 KB, issue 8 §1): this tries the tail, anchored, at the domain itself and
// after each dot, on a domain no longer than DNS allows (RFC 1035 §2.3.4: 255), so the work is bounded.

const MAX_DOMAIN = 255;

/** Whether the domain of `address` (lower-case) or a parent of it matches the anchored `tail`. */
export function domainIsUnder(address: string, tail: RegExp): boolean {
  const names = domainAndParents(address);
  for (let i = 0; i < names.length; i++) {
    if (tail.test(names[i]!)) {
      return true;
    }
  }
  return false;
}

// The recognisers ask about one sender a dozen times in a row: its names are cut once (issue 10 §4).
let lastAddress: string | undefined;
let lastNames: readonly string[] = [];

/** "a@mx.example.org" → ["mx.example.org", "example.org", "org"]; none for a malformed domain. */
function domainAndParents(address: string): readonly string[] {
  if (address === lastAddress) {
    return lastNames;
  }
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  const names: string[] = [];
  if (at !== -1 && domain.length > 0 && domain.length <= MAX_DOMAIN && /^[a-z0-9.-]+$/.test(domain)) {
    names.push(domain);
    for (let dot = domain.indexOf('.', 1); dot !== -1; dot = domain.indexOf('.', dot + 1)) {
      names.push(domain.slice(dot + 1));
    }
  }
  lastAddress = address;
  lastNames = names;
  return names;
}
