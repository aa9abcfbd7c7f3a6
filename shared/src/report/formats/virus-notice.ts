// Antivirus and content-filter notices sent to the (claimed) sender: "VIRUS (W32/Mydoom) IN MAIL FROM
// YOU" (amavis), "Warning: E-mail viruses detected" (MailScanner), "Symantec Mail Security detected …".
// Forged senders get these for worms they never sent. Standard DSNs that happen to name a virus stay
// NDRs (rfc3464 runs first); this covers the prose notices.
import type { Format } from './types';
import { excludedAddresses, findFailedInText, toReports } from '../plain-text';
import { reportRegionEnd } from '../region';

const SUBJECT =
  /\bvirus|\binfected|malware|\bworm\b|banned (?:content|attachment)|attachment (?:blocked|removed|stripped)|blocked attachment|content (?:filter|violation|alert)|policy violation|quarantin|e-?mail viruses detected|mail ?scanner|security (?:alert|notification)/i;
const BODY =
  /\b(?:virus|infected|malware|trojan|worm)\b.{0,200}\b(?:found|detected|identified|contained|removed|deleted|quarantined|blocked|in (?:a|the|your) (?:message|mail|attachment))|(?:found|detected|contained)\b.{0,100}\b(?:virus|malware|infected)|attachment.{0,80}(?:blocked|removed|not allowed|banned)/is;

const virusNotice: Format = {
  id: 'virus-notice',
  match(ctx) {
    if (!SUBJECT.test(ctx.subject)) {
      return undefined;
    }
    // The notice's own words, before any returned original: a bounce that returns a virus scare ("A virus
    // was detected in your mailbox") is a bounce; bounce markers outrank the original's text.
    const window = ctx.body.slice(0, Math.min(8000, reportRegionEnd(ctx.body)));
    if (!BODY.test(window)) {
      return undefined;
    }
    const findings = findFailedInText(window, excludedAddresses(ctx.top));
    return {
      kind: 'virus-notice',
      recipients: toReports(findings, 'ndr', window).map(r => ({ ...r, reason: 'virus-content' })),
    };
  },
};

export default virusNotice;
