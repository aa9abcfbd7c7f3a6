// The user's profile learned from their own Sent Items (the engine's learnProfile): what their
// Message-IDs, DKIM domains and mail programs look like. A small sample of recent messages is enough
// and keeps the sign-in quick; without Graph the pane uses the address-only profile.
import { emptyProfile, learnProfile, type Profile } from '../../../shared/src/index';
import type { GraphClient } from './client';

export const SENT_SAMPLE = 10;

export async function learnFromSent(
  client: GraphClient,
  addresses: readonly string[],
  sample = SENT_SAMPLE,
): Promise<Profile> {
  try {
    const path = `/me/mailFolders/sentitems/messages?${new URLSearchParams({ $select: 'id', $top: String(sample) }).toString()}`;
    const page = await client.json<{ value: Array<{ id: string }> }>(path);
    const sent: Uint8Array[] = [];
    for (const { id } of page.value.slice(0, sample)) {
      try {
        sent.push(await client.mime(id));
      } catch {
        // One unreadable sent message costs one sample.
      }
    }
    return sent.length > 0 ? learnProfile(sent, addresses) : emptyProfile(addresses);
  } catch {
    return emptyProfile(addresses);
  }
}
