// Real bounces whose envelopes ("shells") the scenario set reuses: their own headers, wording and
// MIME structure stay byte for byte; only the addresses, the reporting host and the bounced original
// inside are replaced. Copied from test/corpus into shells/ (provenance in shells/README.md).
export type ShellRole =
  | 'ndr'
  | 'own-ndr'
  | 'delay'
  | 'receipt'
  | 'auto-reply'
  | 'challenge'
  | 'virus'
  | 'no-original'
  // Recipient-side Sendmail reports that say who handed the message over ("The original message was
  // received at … from [IP]", Received-From-MTA); the scenario cuts their returned message off.
  | 'handover';

export interface Shell {
  /** File name under shells/. */
  file: string;
  /** Path under test/corpus it was copied from ('' for the one written for this set). */
  source: string;
  role: ShellRole;
  /** Personas whose own provider writes bounces like this (own-ndr only). */
  personas?: string[];
}

export const SHELLS: Shell[] = [
  { file: 'sisimai-rfc3464-04.eml', source: 'sisimai/maildir/bsd/rfc3464-04.eml', role: 'handover' },
  { file: 'sisimai-rfc3464-06.eml', source: 'sisimai/maildir/bsd/rfc3464-06.eml', role: 'handover' },
  { file: 'sisimai-lhost-postfix-04.eml', source: 'sisimai/maildir/bsd/lhost-postfix-04.eml', role: 'ndr' },
  { file: 'sisimai-lhost-sendmail-01.eml', source: 'sisimai/maildir/bsd/lhost-sendmail-01.eml', role: 'ndr' },
  { file: 'sisimai-lhost-exim-02.eml', source: 'sisimai/maildir/bsd/lhost-exim-02.eml', role: 'ndr' },
  { file: 'sisimai-lhost-qmail-01.eml', source: 'sisimai/maildir/bsd/lhost-qmail-01.eml', role: 'ndr' },
  { file: 'sisimai-lhost-courier-02.eml', source: 'sisimai/maildir/bsd/lhost-courier-02.eml', role: 'ndr' },
  {
    file: 'sisimai-lhost-exchange2007-01.eml',
    source: 'sisimai/maildir/bsd/lhost-exchange2007-01.eml',
    role: 'ndr',
  },
  { file: 'sisimai-lhost-gmx-02.eml', source: 'sisimai/maildir/bsd/lhost-gmx-02.eml', role: 'ndr' },
  { file: 'sisimai-lhost-yahoo-01.eml', source: 'sisimai/maildir/bsd/lhost-yahoo-01.eml', role: 'ndr' },
  { file: 'sisimai-lhost-amavis-01.eml', source: 'sisimai/maildir/bsd/lhost-amavis-01.eml', role: 'ndr' },
  {
    file: 'sisimai-lhost-opensmtpd-01.eml',
    source: 'sisimai/maildir/bsd/lhost-opensmtpd-01.eml',
    role: 'ndr',
  },
  { file: 'sisimai-lhost-mcafee-01.eml', source: 'sisimai/maildir/bsd/lhost-mcafee-01.eml', role: 'ndr' },
  { file: 'sisimai-rfc3464-01.eml', source: 'sisimai/maildir/bsd/rfc3464-01.eml', role: 'ndr' },
  { file: 'bounceparser-spam-rejection.msg.eml', source: 'bounceparser/spam-rejection.msg', role: 'ndr' },
  { file: 'bounceparser-spam-rejection4.msg.eml', source: 'bounceparser/spam-rejection4.msg', role: 'ndr' },
  { file: 'bounceparser-spam-rejection8.msg.eml', source: 'bounceparser/spam-rejection8.msg', role: 'ndr' },
  {
    file: 'sisimai-lhost-gmail-01.eml',
    source: 'sisimai/maildir/bsd/lhost-gmail-01.eml',
    role: 'own-ndr',
    personas: ['gmail', 'gmail-sendas'],
  },
  {
    file: 'sisimai-lhost-office365-04.eml',
    source: 'sisimai/maildir/bsd/lhost-office365-04.eml',
    role: 'own-ndr',
    personas: ['m365'],
  },
  {
    file: 'sisimai-lhost-postfix-04.eml',
    source: 'sisimai/maildir/bsd/lhost-postfix-04.eml',
    role: 'own-ndr',
    personas: ['selfhosted', 'fastmail'],
  },
  {
    file: 'sisimai-lhost-sendmail-29.eml',
    source: 'sisimai/maildir/bsd/lhost-sendmail-29.eml',
    role: 'delay',
  },
  { file: 'sisimai-rfc3464-09.eml', source: 'sisimai/maildir/bsd/rfc3464-09.eml', role: 'delay' },
  {
    file: 'sisimai-lhost-opensmtpd-06.eml',
    source: 'sisimai/maildir/bsd/lhost-opensmtpd-06.eml',
    role: 'delay',
  },
  { file: 'sisimai-rfc3464-28.eml', source: 'sisimai/maildir/bsd/rfc3464-28.eml', role: 'receipt' },
  { file: 'sisimai-rfc3834-02.eml', source: 'sisimai/maildir/bsd/rfc3834-02.eml', role: 'auto-reply' },
  { file: 'bounceparser-autoreply.msg.eml', source: 'bounceparser/autoreply.msg', role: 'auto-reply' },
  {
    file: 'bounceparser-polish-autoreply.msg.eml',
    source: 'bounceparser/polish-autoreply.msg',
    role: 'auto-reply',
  },
  { file: 'bounceparser-boxbe-cr.msg.eml', source: 'bounceparser/boxbe-cr.msg', role: 'challenge' },
  { file: 'written-virus-notice.eml', source: '', role: 'virus' },
  {
    file: 'sisimai-lhost-postfix-01.eml',
    source: 'sisimai/maildir/bsd/lhost-postfix-01.eml',
    role: 'no-original',
  },
  {
    file: 'sisimai-lhost-exchange2003-01.eml',
    source: 'sisimai/maildir/bsd/lhost-exchange2003-01.eml',
    role: 'no-original',
  },
  {
    file: 'sisimai-lhost-qmail-08.eml',
    source: 'sisimai/maildir/bsd/lhost-qmail-08.eml',
    role: 'no-original',
  },
];
