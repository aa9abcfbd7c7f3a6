// Office.context.roamingSettings (Mailbox 1.1): per add-in and mailbox, roams with the mailbox,
// limited to 32 KB. saveAsync reports through the usual AsyncResult callback.
import { officeCall } from './async';
import type { SettingsPort } from '../profile/store';

export function roamingSettings(): SettingsPort | undefined {
  const settings = typeof Office === 'undefined' ? undefined : Office.context?.roamingSettings;
  if (!settings) {
    return undefined;
  }
  return {
    get: name => settings.get(name) as unknown,
    set: (name, value) => settings.set(name, value),
    save: () => officeCall<void>(callback => settings.saveAsync(callback)),
  };
}
