// Is this address one of the user's? Identities are matched case-insensitively, with sub-addressing
// (user+tag@, and user-tag@ when "user" is an identity), BATV tags (prvs=…=user@, RFC draft
// levine-smtp-batv) and Gmail's ignored dots.

const GMAIL = new Set(['gmail.com', 'googlemail.com']);

export function splitAddress(address: string): { local: string; domain: string } | undefined {
  const a = address.trim().toLowerCase().replace(/^<|>$/g, '');
  const at = a.lastIndexOf('@');
  if (at <= 0 || at === a.length - 1) {
    return undefined;
  }
  return { local: a.slice(0, at), domain: a.slice(at + 1) };
}

/** BATV: "prvs=1234abcd=user@example.org" (also btv1==…==user@, msprvs1=…=user@). */
export function batvTag(address: string): string | undefined {
  return /^(prvs|btv1|msprvs1)=/i.exec(address.trim())?.[1]?.toLowerCase();
}

function stripBatv(local: string): string {
  const m = /^(?:prvs|msprvs1)=[^=]+=(.+)$/i.exec(local) ?? /^btv1==[^=]+==(.+)$/i.exec(local);
  return m?.[1] ?? local;
}

function canonical(local: string, domain: string): string {
  let l = stripBatv(local);
  const plus = l.indexOf('+');
  if (plus > 0) {
    l = l.slice(0, plus);
  }
  if (GMAIL.has(domain)) {
    l = l.replace(/\./g, '');
  }
  return `${l}@${domain === 'googlemail.com' ? 'gmail.com' : domain}`;
}

/** A matcher over the user's identities, built once per decision. */
export class AddressBook {
  private readonly exact = new Set<string>();
  private readonly canon = new Set<string>();
  readonly domains = new Set<string>();

  constructor(addresses: readonly string[]) {
    for (const address of addresses) {
      const parts = splitAddress(address);
      if (parts === undefined) {
        continue;
      }
      this.exact.add(`${parts.local}@${parts.domain}`);
      this.canon.add(canonical(parts.local, parts.domain));
      this.domains.add(parts.domain);
    }
  }

  get size(): number {
    return this.exact.size;
  }

  has(address: string | undefined): boolean {
    if (address === undefined) {
      return false;
    }
    const parts = splitAddress(address);
    if (parts === undefined) {
      return false;
    }
    if (
      this.exact.has(`${parts.local}@${parts.domain}`) ||
      this.canon.has(canonical(parts.local, parts.domain))
    ) {
      return true;
    }
    // "user-tag@" sub-addressing (Postfix recipient_delimiter, qmail): only when "user" is an identity.
    const dash = parts.local.indexOf('-');
    return dash > 0 && this.exact.has(`${parts.local.slice(0, dash)}@${parts.domain}`);
  }
}
