// screen({from, subject}): could this message be automated, judged from a mail store's list fields
// alone? The same cheap gate analyze() uses on a header block, for shells that list messages before
// they fetch them (the Outlook sweep over Graph) and must not download every message to decide.
import type { HeaderField } from './types';
import { looksAutomated } from './report/gate';

export interface ListFields {
  /** The sender's address as the store lists it. */
  fromAddress?: string | undefined;
  /** The sender's display name. */
  fromName?: string | undefined;
  /** The subject, decoded (stores list it decoded). */
  subject?: string | undefined;
}

export function screen(fields: ListFields): boolean {
  const top: HeaderField[] = [];
  const name = (fields.fromName ?? '').replace(/["\\<>]/g, ' ').trim();
  if (fields.fromAddress) {
    top.push({ name: 'from', value: name ? `"${name}" <${fields.fromAddress}>` : `<${fields.fromAddress}>` });
  }
  if (fields.subject) {
    top.push({ name: 'subject', value: fields.subject });
  }
  return looksAutomated(top);
}
