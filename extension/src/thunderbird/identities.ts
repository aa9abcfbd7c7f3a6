// The user's own addresses: every identity of every account, lower-cased, plus extra addresses the
// user typed into the options page (aliases that forward to this mailbox have no identity).
import type { Messenger } from './api';

export async function ownAddresses(api: Messenger, extra: readonly string[]): Promise<string[]> {
  const accounts = await api.accounts.list(false).catch(() => []);
  const addresses = accounts.flatMap(account => account.identities.map(identity => identity.email));
  return [
    ...new Set(
      [...addresses, ...extra]
        .map(address => address.trim().toLowerCase())
        .filter(address => address.includes('@')),
    ),
  ].sort();
}
