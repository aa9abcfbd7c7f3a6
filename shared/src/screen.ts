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

// Sender local parts (without '-', '_', '.') that send reports and auto-replies but also ordinary mail,
// so screen() does not count them: ARF complaints come from feedback@, complaints@, abuse@ and dmarc…@
// (test/corpus sisimai arf-02, arf-14, arf-18, arf-19), RFC 3834 responders from autoreply@.
const REPORT_SENDERS = new Set([
  'feedback',
  'complaints',
  'complaint',
  'abuse',
  'fbl',
  'autoreply',
  'autoresponder',
]);
// Subject words of auto-replies and reports the screen's list leaves out: "Away until May 5" (RFC 3834
// sample, sisimai rfc3834-01), "Thank you for your e-mail" (bounceparser autoreply.msg),
// "AutoRespons :…" (sisimai rfc3834-06), "Spamtraphit by …" (sisimai arf-17).
const HINT_SUBJECTS = [
  'away until',
  'thank you for your e-mail',
  'thank you for your email',
  'thank you for your message',
  'thanks for your email',
  'we have received your',
  'autorespons',
  'spamtrap',
];

/**
 * Mail that is automated only by headers the list does not carry (Content-Type: multipart/report,
 * Auto-Submitted) often still shows it in what the list does carry: no sender address at all
 * (`From: <>`, as SurfControl's DSNs and some responders write it; sisimai lhost-surfcontrol-02/03,
 * bounceparser warning-5), a report sender, or an auto-reply's wording. Such messages are read as
 * well; the engine decides, so a hint costs one read and never a row. Constant work per message:
 * one address split, one set look-up, a few substring tests.
 */
export function hinted(fields: ListFields): boolean {
  const address = fields.fromAddress ?? '';
  const at = address.lastIndexOf('@');
  if (at <= 0) {
    return true;
  }
  const local = address.slice(0, at).toLowerCase().replace(/[-_.]/g, '');
  if (REPORT_SENDERS.has(local) || local.startsWith('dmarc')) {
    return true;
  }
  const subject = (fields.subject ?? '').toLowerCase();
  return HINT_SUBJECTS.some(words => subject.includes(words));
}

/** Whether a sweep reads the message from its list fields: the screen's candidates and the hinted ones. */
export function worthReading(fields: ListFields): boolean {
  return screen(fields) || hinted(fields);
}
