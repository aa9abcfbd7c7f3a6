// "The sender's domain is X or under X", for the MTA recognisers. The regex form
// "@(?:[a-z0-9.-]+\.)?yahoo\.[a-z.]+$" is quadratic on a long run of ".yahoo.x" (its optional prefix and
// the tail overlap; ~25 s on 256 KB, issue 8 §1): this tries the tail, anchored, at the domain itself and
// after each dot, on a domain no longer than DNS allows (RFC 1035 §2.3.4: 255), so the work is bounded.

const MAX_DOMAIN = 255;

/** Whether the domain of `address` (lower-case) or a parent of it matches the anchored `tail`. */
export function domainIsUnder(address: string, tail: RegExp): boolean {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  if (at === -1 || domain.length === 0 || domain.length > MAX_DOMAIN || !/^[a-z0-9.-]+$/.test(domain)) {
    return false;
  }
  if (tail.test(domain)) {
    return true;
  }
  for (let dot = domain.indexOf('.', 1); dot !== -1; dot = domain.indexOf('.', dot + 1)) {
    if (tail.test(domain.slice(dot + 1))) {
      return true;
    }
  }
  return false;
}
