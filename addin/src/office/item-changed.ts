// A pinned task pane stays open while the user moves between messages; Outlook then raises
// ItemChanged (Mailbox 1.5, outlook/pinnable-taskpane). "The implementation of event handlers for an
// ItemChanged event should check whether or not the Office.context.mailbox.item is null": classic
// Outlook on Windows sends null by design (office-js#1402), and some hosts re-fire onReady instead
// (#5987), so the pane's handler is idempotent.
import { officeCall } from './async';
import { MAILBOX_PINNING, mailboxSupports } from './host';

/** Registers `onChange`; resolves false when the host has no ItemChanged (pane not pinnable there). */
export async function onItemChanged(onChange: () => void): Promise<boolean> {
  if (!mailboxSupports(MAILBOX_PINNING)) {
    return false;
  }
  await officeCall<void>(callback =>
    Office.context.mailbox.addHandlerAsync(Office.EventType.ItemChanged, () => onChange(), callback),
  );
  return true;
}
