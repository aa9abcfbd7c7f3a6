// The verdict banner above the message body: one persistent InformationalMessage under one key.
// Documented limits (outlook/notifications): message ≤ 150 characters, else ArgumentOutOfRange;
// key ≤ 32 characters; at most five notifications per message (NumberOfNotificationMessagesExceeded),
// one on mobile. replaceAsync on our single key never adds a second one.
import { officeCall } from './async';

export const NOTIFICATION_KEY = 'backscatter-guard-verdict';
export const MAX_NOTIFICATION_CHARS = 150;
export const MAX_NOTIFICATION_KEY_CHARS = 32;
/** An icon is required for InformationalMessage; it names a bt:Image id in manifest.xml. */
export const NOTIFICATION_ICON = 'Icon.16';

/** Shortens to the limit at a word boundary, ending in an ellipsis, so the call cannot throw. */
export function fitNotification(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_NOTIFICATION_CHARS) {
    return clean;
  }
  const cut = clean.slice(0, MAX_NOTIFICATION_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_NOTIFICATION_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function showVerdictNotification(item: Office.MessageRead, text: string): Promise<void> {
  const details: Office.NotificationMessageDetails = {
    type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage,
    message: fitNotification(text),
    icon: NOTIFICATION_ICON,
    persistent: true,
  };
  return officeCall<void>(callback =>
    item.notificationMessages.replaceAsync(NOTIFICATION_KEY, details, callback),
  );
}

export function clearVerdictNotification(item: Office.MessageRead): Promise<void> {
  return officeCall<void>(callback => item.notificationMessages.removeAsync(NOTIFICATION_KEY, callback));
}
