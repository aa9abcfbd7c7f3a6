// Patterns the fuzzing checker calls super-linear though V8 runs them in linear time: a bounded window
// (".{0,80}", "[^<>\s]{3,320}") read from each occurrence of a literal, whose cost per occurrence is a
// constant. Each stays accepted only while V8 runs the checker's own attack string, grown to 256 KB,
// in under a second (shared/test/redos.test.ts measures it on every run); a pattern not listed here,
// or one edited, is checked from scratch.
export const REVIEWED: readonly { file: string; source: string; why: string }[] = [
  {
    file: 'shared/src/report/person.ts',
    source:
      "^[ \\t]*(?:begin forwarded message:|-{2,}[ \\t]*(?:forwarded message|original message|weitergeleitete nachricht|ursprüngliche nachricht|message transféré|message d'origine|mensaje (?:reenviado|original)|messaggio (?:inoltrato|originale))[ \\t]*-{2,}|-{3,}[ \\t]*(?:forwarded by|original message)|on [^\\r\\n]{1,200}wrote:[ \\t]*$)",
    why: 'anchored at a line start (/m; CR and LF both end the "On … wrote:" run), so each line is read once, at most 200 characters of it',
  },
  {
    file: 'shared/src/headers/addresses.ts',
    source: '<([^<>\\s]{1,500})>',
    why: 'a msg-id: at most 500 characters read from each "<"',
  },
  {
    file: 'shared/src/mime/decode.ts',
    source: '=\\?([^?\\s]{1,75})\\?([bBqQ])\\?([^?\\s]{0,2000})\\?=',
    why: 'an encoded word: its text stops at the first "?" or blank, so occurrences do not re-read each other',
  },
  {
    file: 'shared/src/report/formats/amazon-ses.ts',
    source: '\\{([^{}]{0,4000})\\}|"([^"]{3,320})"',
    why: 'JSON objects and strings: each window stops at the next brace or quote',
  },
  {
    file: 'shared/src/report/formats/challenge.ts',
    source:
      '(?:verify|confirm|validate|authenticate|prove)\\b.{0,80}\\b(?:you are (?:a )?(?:real|human|person)|your (?:e-?mail|address|identity|message)|sender|that you sent)|(?:add(?:ed)? to|join) .{0,40}(?:allowed|approved|guest|white) ?list|(?:request|permission) to send|protected by .{0,40}(?:spam|filter|challenge)|held (?:pending|for) (?:verification|your confirmation)|awaiting (?:your )?(?:verification|confirmation)|click (?:on )?(?:the|this) (?:following )?link .{0,80}(?:deliver|verif|confirm)|bestätigen sie.{0,60}absender|confirmez.{0,60}expéditeur',
    why: 'phrase pairs: at most 80 (40, 60) characters between two fixed words, from each occurrence of the first',
  },
  {
    file: 'shared/src/report/formats/fml.ts',
    source: '(?:rejected|denied).{0,80}(?:list|ML)\\s*<([^<>\\s]{3,320})>',
    why: 'at most 80 characters after each "rejected"/"denied", then an address without "<"',
  },
  {
    file: 'shared/src/report/formats/fml.ts',
    source: 'duplicated message-id in\\s*<([^<>\\s]{3,320})>',
    why: 'a fixed phrase, then an address without "<"',
  },
  {
    file: 'shared/src/report/formats/virus-notice.ts',
    source:
      '\\b(?:virus|infected|malware|trojan|worm)\\b.{0,200}\\b(?:found|detected|identified|contained|removed|deleted|quarantined|blocked|in (?:a|the|your) (?:message|mail|attachment))|(?:found|detected|contained)\\b.{0,100}\\b(?:virus|malware|infected)|attachment.{0,80}(?:blocked|removed|not allowed|banned)',
    why: 'phrase pairs: at most 200 (100, 80) characters between two fixed words, from each occurrence of the first',
  },
  {
    file: 'shared/src/report/original.ts',
    source: '^[ \\t>]*([A-Za-z][A-Za-z0-9-]{1,40}):',
    why: 'a header name: at most 41 characters from each line start',
  },
  {
    file: 'shared/src/report/plain-text.ts',
    source:
      "\\b(?:delivered to|deliver(?:y)? to|sent to|recipient|addressee|address(?:es)?|mailbox|user|destinat(?:ion|aire|ario)|empfänger|to)(?:\\s*:\\s*|\\s+)[\"'<(]?([a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[a-z0-9][a-z0-9.-]{0,252}[a-z0-9])",
    why: 'a keyword, then one address of at most 64 + 254 characters',
  },
  {
    file: 'shared/src/report/reason.ts',
    source:
      '(?:account|mailbox|compte)[^.]{0,40}(?:is |est )?(?:blocked|bloqu)|account (?:has been )?(?:disabled|suspended|deactivated|locked)',
    why: 'at most 40 characters after each keyword',
  },
  {
    file: 'shared/src/report/reason.ts',
    source:
      '\\b(?:spf|dkim|dmarc)\\b|sender policy framework|domainkeys|reverse dns|\\bptr\\b|rdns|not authenticated|unauthenticated|authentication (?:required|failed)|5\\.7\\.2[3-7]|sender (?:address )?verif|could not verify sender|arc validation|without valid reverse|helo [^\\n]{0,120}(?:invalid|rejected)|reject_unknown_(?:client|helo|sender)',
    why: 'auth-policy wording: at most 120 characters after each "helo "',
  },
  {
    file: 'shared/src/report/reason.ts',
    source:
      "user (?:unknown|not found|doesn'?t exist|does not exist)|unknown (?:user|recipient|address|local|mailbox)|no such (?:user|recipient|mailbox|address|person)|(?:address|mailbox|recipient|account|user) (?:does not exist|doesn'?t exist|not found|unknown|unavailable|invalid|rejected|not listed)|invalid (?:recipient|mailbox|address|user)|recipient (?:address )?rejected|not (?:a )?valid (?:recipient|mailbox|user)|mailbox not found|no mailbox|no account|is not a known user|undeliverable address|not our customer|wasn'?t found at|couldn'?t be found|doesn'?t have an? .{0,30}account|bad recipient|dosn't exist|account that you tried to reach does not exist|unbekannt|existiert nicht|n'existe pas|inexistant|introuvable|inesistente|no existe|desconocido|não existe|bestaat niet|nie istnieje|не существует|несуществующ|存在しない|不存在",
    why: 'user-unknown wording: one window of at most 30 characters, after "doesn\'t have a"',
  },
  {
    file: 'shared/src/report/reason.ts',
    source:
      'retry (?:time|timeout) (?:not reached|exceeded)|(?:message|mail|envelope) (?:expired|timed out)|could not be delivered for|giving up|gave up|too long in (?:the )?queue|delivery time expired|expired after|time limit|has been delayed for|undeliverable for \\d|for more than \\d+ (?:days|hours)|all hosts have been failing',
    why: 'expiry wording: fixed phrases and one digit run',
  },
  {
    file: 'shared/src/report/reason.ts',
    source: '(?:^|[^\\d.])([245]\\.\\d{1,3}\\.\\d{1,3})(?![\\d.]*\\d)',
    why: 'a status code: the look-ahead reads one run of digits and dots per candidate',
  },
  {
    file: 'shared/src/verdict/providers.json (microsoft)',
    source:
      '^[A-Z0-9]{4,8}MB[0-9]{3,5}[A-Z0-9]{8,}@[A-Z0-9]{4,8}MB[0-9]{3,5}\\.[a-z0-9]+\\.prod\\.outlook\\.com$',
    why: 'the Outlook Message-ID shape, anchored at both ends: one start per value',
  },
  {
    file: 'shared/src/analyze.ts',
    source: '\\nFrom [^\\n]{1,200}\\d:\\d\\d[^\\n]{0,80}\\n',
    why: 'an mbox separator line: at most 280 characters after each "\\nFrom "',
  },
  {
    file: 'shared/src/report/formats/challenge.ts',
    source:
      '(?:verify|confirm|validate|authenticate|prove)\\b.{0,80}\\b(?:you are (?:a )?(?:real|human|person)|your (?:e-?mail|address|identity|message)|sender|that you sent)|(?:add(?:ed)? to|join) .{0,40}(?:allowed|approved|guest|white) ?list|(?:request|permission) to send|protected by .{0,40}(?:spam|filter|challenge)|held (?:pending|for) (?:verification|your confirmation)|awaiting (?:your )?(?:verification|confirmation)|click (?:on )?(?:the|this) (?:following )?link .{0,80}(?:deliver|verif|confirm)|bestätigen sie.{0,60}absender|confirmez.{0,60}expéditeur|(?:list of|not on (?:my|the|his|her|our|their)) (?:approved|allowed|authori[sz]ed|accepted|trusted) senders|(?:approved|authori[sz]ed) senders? list|(?:fill (?:in|out)|complete|submit) (?:the|this|a|our) (?:short )?(?:request|verification|authori[sz]ation|approval) form|verify (?:that )?you are (?:a )?(?:real )?(?:person|human)',
    why: 'phrase pairs: at most 80 (40, 60) characters between two fixed words, from each occurrence of the first',
  },
  {
    file: 'shared/src/report/markers.ts',
    source:
      'did not reach (?:some or all|all or some|the following) (?:of the )?(?:intended )?recipients|following recipient\\(s\\) could not be reached|this is an automatically generated delivery status notification|delivery to the following recipients? (?:failed|has failed|was unsuccessful)|was undeliverable to the following|message status - undeliverable|not listed in (?:the )?(?:domino directory|public name (?:&|and) address book)|this is a non-?delivery report|non-?delivery report \\(ndr\\)|the following message (?:to <[^<>\\s]{3,320}> )?was undeliverable|could not be delivered to the following recipients?|the following addresses? had permanent (?:fatal )?errors|unable to deliver (?:your|the) message to the following (?:recipients?|addresses)|^-{2,}[ \\t]?non-?delivery report[ \\t]?-{2,}|could not be delivered to the following (?:users?|recipients?|addresses)|(?:message|mail|e-?mail) could not be delivered to:?[ \\t]*\\n[ \\t]*<?[^\\s@<>]{1,64}@',
    why: 'report wording: fixed phrases with short bounded gaps',
  },
  {
    file: 'shared/src/report/person.ts',
    source:
      "^[ \\t]*(?:begin forwarded message:|-{2,}[ \\t]*(?:forwarded message|original message|weitergeleitete nachricht|ursprüngliche nachricht|message transféré|message d'origine|mensaje (?:reenviado|original)|messaggio (?:inoltrato|originale))[ \\t]*-{2,}|-{3,}[ \\t]*(?:forwarded by|original message)|on .{1,200} wrote:[ \\t]*$|am .{1,200} schrieb .{0,120}:[ \\t]*$|le .{1,200} a écrit[ \\t]*:[ \\t]*$)",
    why: 'a forward/quote marker line: fixed phrases after the leading blanks of one line',
  },
  {
    file: 'shared/src/report/person.ts',
    source:
      '^(?:from|von|de|van|da):[^\\n]{0,200}(?:mailer-daemon|postmaster|mail delivery (?:system|subsystem)|microsoft outlook <)',
    why: 'a quoted "From:" line: at most 200 characters after the field name',
  },
];
