// One content-filter convention (issue 10 §3): a report that a virus was found in the message is a
// `virus-notice` whatever its format. amavis, Postfix behind a milter and many gateways send it as a
// standard delivery report ("Diagnostic-Code: smtp; 550 Virus Detected; Content Rejected",
// "554 5.7.0 Reject, id=… - INFECTED: Eicar-Signature"), which would otherwise read as an ordinary
// delivery failure. A refusal for spam content stays an `ndr` with reason `spam-blocked`; a refused
// attachment type (no virus named) stays an `ndr` with reason `virus-content`.
import type { MessageKind, RecipientReport } from '../types';

const VIRUS_FOUND = /\bvirus(?:es)?\b|\bmalware\b|\binfected\b|\btrojan\b|\bworm\b|\beicar\b|\bransomware\b/i;

/**
 * `reportWords`: the report's own text before any quoted original (a prose report often names the virus
 * once, above the recipient list: "Recipient address rejected: Virus detected").
 */
export function contentFilterKind(
  kind: MessageKind,
  recipients: readonly RecipientReport[],
  reportWords = '',
): MessageKind {
  if (kind !== 'ndr' || recipients.length === 0) {
    return kind;
  }
  const failed = recipients.filter(r => r.action === undefined || r.action === 'failed');
  if (failed.length === 0 || !failed.every(r => r.reason === 'virus-content')) {
    return kind;
  }
  return failed.some(r => VIRUS_FOUND.test(r.diagnostic ?? '')) || VIRUS_FOUND.test(reportWords)
    ? 'virus-notice'
    : kind;
}
