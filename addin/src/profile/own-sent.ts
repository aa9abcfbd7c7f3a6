// Is the open message one the user sent, read from Sent Items? Without Graph the pane cannot ask for
// the folder, but Outlook tells it apart: a message in Sent Items never went through transport, so it
// has no internet headers, and getAllInternetHeadersAsync answers an empty string (office-js#4773,
// #6796: "returns empty string for a mail in sent folder … It works fine for received mails"). A
// message that arrived, even one forged with the user's own address as From (a common scam), has
// them: it is never learned from.
import type { Analysis } from '../../../shared/src/index';
import { officeCall } from '../office/async';
import { MAILBOX_READ_FALLBACK, mailboxSupports } from '../office/host';

export function fromUser(analysis: Analysis, addresses: readonly string[]): boolean {
  const from = analysis.from?.address.toLowerCase();
  return analysis.kind === 'other' && from !== undefined && addresses.some(a => a.toLowerCase() === from);
}

export async function isOwnSentItem(
  item: Office.MessageRead,
  analysis: Analysis,
  addresses: readonly string[],
): Promise<boolean> {
  if (!fromUser(analysis, addresses) || !mailboxSupports(MAILBOX_READ_FALLBACK)) {
    return false;
  }
  try {
    const headers = await officeCall<string>(callback => item.getAllInternetHeadersAsync(callback));
    return headers.trim() === '';
  } catch {
    return false;
  }
}
