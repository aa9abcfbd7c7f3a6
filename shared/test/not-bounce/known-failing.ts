// Negatives the engine still calls automated (kind ≠ 'other'). The test expects these to FAIL, so fixing
// the engine turns the test red until the file is removed from this list: the list can only shrink.
// Each line: file → what analyze() said when it was listed, and why the message is nevertheless ordinary.
export const KNOWN_FAILING: Readonly<Record<string, string>> = {
  'gen-misc-01.eml':
    'auto-reply (rfc3834): a person announcing their absence, Subject "Out of office next week", no auto-reply headers',
  'gen-notify-09.eml':
    'ndr (prose): cron output from root@ saying "backup failed"; no bounce sender, no original',
  'gen-phish-01.eml':
    'ndr (prose): phishing "Mail delivery failed" from no-reply@secure-mailcenter.example with a link, no original',
  'gen-phish-03.eml':
    'ndr (prose): phishing "Delivery Status Notification (Failure)" from admin@mailbox-quota.example',
  'gen-phish-07.eml':
    'ndr (prose): phishing "failure notice: 12 emails blocked" from notice@daemon-notice.example',
  'gen-phish-12.eml':
    'delay (prose): phishing "Warning: message delayed - mailbox almost full" from mailadmin@quota-warning.example',
};
