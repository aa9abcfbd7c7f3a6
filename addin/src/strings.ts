// Words only the Outlook shell says (host states, the Graph sweep, the reading-pane notification,
// the Report button's message). Verdict, evidence and explanation texts come from shared/i18n.
// Text only: every string is rendered as a text node or passed to Office as plain text.
import { format as sharedFormat, pickLang, type Lang } from '../../shared/i18n/index';
import type { EvidenceParams } from '../../shared/src/index';

const en: Readonly<Record<string, string>> = {
  'pane.loading': 'Reading the message…',
  'pane.no-item':
    'Select a message to check it. In a pinned pane the check runs each time you select another message.',
  'pane.compose': 'This is a message you are writing. Open a received bounce or automatic reply to check it.',
  'pane.not-message': 'Only e-mail messages can be checked, not calendar items.',
  'pane.unsupported':
    'This version of Outlook cannot give add-ins the message content (Mailbox {need} or newer is needed). The Inbox sweep below may still work.',
  'pane.error': 'The message could not be checked: {message}',
  'pane.source.rebuilt':
    'Read from headers, body and attachments (this Outlook cannot export the whole message).',
  'pane.timing': 'Checked in {ms} ms.',
  'pane.notification-failed': 'The line above the message could not be set ({message}).',
  'pane.no-decision': 'Recognised as: {kind}. A verdict is not available in this build.',
  'pane.recipients': 'Failed recipients: {recipients}',
  'pane.ndr-hidden':
    'Outlook does not open add-ins on standard delivery reports (message class IPM.Report). Use the Inbox sweep to check those.',
  'junk.move': 'Move to Junk',
  'junk.moved': 'Moved to Junk Email.',
  'junk.undo': 'Undo',
  'junk.undone': 'Moved back to the Inbox.',
  'junk.failed': 'Could not move the message: {message}',
  'junk.confirm-not-backscatter': 'The check did not call this backscatter. Move it to Junk anyway?',
  'notify.backscatter':
    'Likely backscatter: this {kind} is about mail you did not send. You can move it to Junk.',
  'notify.legitimate':
    'Real bounce: your message to {recipient} was not delivered. Open Backscatter Guard for what to do.',
  'notify.legitimate.other': 'Real {kind} about a message you sent. Open Backscatter Guard for details.',
  'notify.unsure': 'Unsure: check Sent Items before deleting this {kind}.',
  'notify.analysis': 'Backscatter Guard: this is a {kind}. Open the add-in for details.',
  'report.title': 'Backscatter Guard',
  'report.backscatter': 'Moved to Junk Email. It was backscatter: a {kind} about mail you did not send.',
  'report.legitimate':
    'Moved to Junk Email, but it looked like a real {kind} about a message you sent. You can move it back from Junk Email.',
  'report.unsure':
    'Moved to Junk Email. It could not be told whether you sent the original; it is kept in Junk Email.',
  'report.other': 'Moved to Junk Email. It did not look like a bounce or an automatic reply.',
  'report.failed': 'Moved to Junk Email. The message could not be checked ({message}).',
  'sweep.title': 'Sweep the Inbox',
  'sweep.intro':
    'Finds bounces and automatic replies of the last {days} days through Microsoft Graph, including standard delivery reports that Outlook hides from add-ins.',
  'sweep.days': 'Days',
  'sweep.start': 'Sweep',
  'sweep.cancel': 'Stop',
  'sweep.not-configured':
    'The sweep needs an app registration: set graphClientId in config.json (see the README, "Outlook add-in").',
  'sweep.not-supported':
    'This Outlook cannot sign add-ins in to Microsoft Graph (nested app authentication is not available, as in Outlook.com mailboxes).',
  'sweep.sign-in-failed': 'Signing in to Microsoft Graph failed: {message}',
  'sweep.needs-sign-in': 'Microsoft Graph needs you to sign in: choose Sweep again.',
  'sweep.listing': 'Listing the Inbox: {listed} messages, {candidates} automated…',
  'sweep.checking': 'Checking {checked} of {total}…',
  'sweep.done':
    '{total} automated messages: {backscatter} backscatter, {legitimate} real, {unsure} unsure, {other} other.',
  'sweep.none': 'No bounces or automatic replies in the last {days} days.',
  'sweep.move-selected': 'Move {count} selected to Junk',
  'sweep.moved': '{count} moved to Junk Email.',
  'sweep.undo': 'Undo',
  'sweep.undone': '{count} moved back to the Inbox.',
  'sweep.throttled': 'Microsoft Graph asked us to wait {seconds} s…',
  'sweep.error': 'The sweep stopped: {message}',
  'sweep.verdict.backscatter': 'backscatter',
  'sweep.verdict.legitimate': 'real',
  'sweep.verdict.unsure': 'unsure',
  'sweep.verdict.none': 'other',
  'sweep.verdict.error': 'not checked',
  'analyzer.title': 'Backscatter Guard: message analyzer',
  'analyzer.intro':
    'Outlook is not around, so this page works on its own: drop .eml files here or pick them. Nothing leaves your computer.',
  'analyzer.pick': 'Choose .eml files',
  'analyzer.addresses': 'Your address(es)',
  'analyzer.sent': 'Your sent mail (optional: .mbox or .eml), to look the originals up',
  'analyzer.sent-loaded': '{count} sent messages from {files}: originals are looked up there.',
  'analyzer.drop': 'Drop .eml files here',
  'analyzer.samples': 'Or try a sample:',
  'analyzer.file': '{name} ({size} bytes)',
  'analyzer.failed': '{name}: could not be read ({message})',
};

const de: Readonly<Record<string, string>> = {
  'pane.loading': 'Nachricht wird gelesen…',
  'pane.no-item':
    'Wählen Sie eine Nachricht aus, um sie zu prüfen. Im angehefteten Bereich läuft die Prüfung bei jeder Auswahl.',
  'pane.compose':
    'Dies ist eine Nachricht, die Sie gerade schreiben. Öffnen Sie einen erhaltenen Unzustellbarkeitsbericht oder eine automatische Antwort.',
  'pane.not-message': 'Nur E-Mails können geprüft werden, keine Kalendereinträge.',
  'pane.unsupported':
    'Diese Outlook-Version gibt Add-ins den Nachrichteninhalt nicht (Mailbox {need} oder neuer nötig). Die Posteingangsprüfung unten kann trotzdem funktionieren.',
  'pane.error': 'Die Nachricht konnte nicht geprüft werden: {message}',
  'pane.source.rebuilt':
    'Aus Kopfzeilen, Text und Anlagen gelesen (diese Outlook-Version kann die ganze Nachricht nicht exportieren).',
  'pane.timing': 'Geprüft in {ms} ms.',
  'pane.notification-failed': 'Der Hinweis über der Nachricht konnte nicht gesetzt werden ({message}).',
  'pane.no-decision': 'Erkannt als: {kind}. Ein Urteil ist in dieser Version nicht verfügbar.',
  'pane.recipients': 'Fehlgeschlagene Empfänger: {recipients}',
  'pane.ndr-hidden':
    'Outlook öffnet Add-ins nicht auf Standard-Unzustellbarkeitsberichten (Nachrichtenklasse IPM.Report). Prüfen Sie diese mit der Posteingangsprüfung.',
  'junk.move': 'In Junk-E-Mail verschieben',
  'junk.moved': 'In Junk-E-Mail verschoben.',
  'junk.undo': 'Rückgängig',
  'junk.undone': 'Zurück in den Posteingang verschoben.',
  'junk.failed': 'Die Nachricht konnte nicht verschoben werden: {message}',
  'junk.confirm-not-backscatter':
    'Die Prüfung hält dies nicht für Backscatter. Trotzdem nach Junk-E-Mail verschieben?',
  'notify.backscatter':
    'Wahrscheinlich Backscatter: Diese Nachricht betrifft eine Mail, die Sie nicht gesendet haben. Sie können sie nach Junk verschieben.',
  'notify.legitimate':
    'Echter Unzustellbarkeitsbericht: Ihre Nachricht an {recipient} wurde nicht zugestellt.',
  'notify.legitimate.other':
    'Echte Nachricht ({kind}) zu einer Mail, die Sie gesendet haben. Details in Backscatter Guard.',
  'notify.unsure': 'Unsicher: Prüfen Sie „Gesendete Elemente“, bevor Sie diese Nachricht löschen.',
  'notify.analysis': 'Backscatter Guard: Dies ist eine Nachricht der Art „{kind}“. Details im Add-in.',
  'report.title': 'Backscatter Guard',
  'report.backscatter':
    'In Junk-E-Mail verschoben. Es war Backscatter: eine Antwort auf eine Mail, die Sie nicht gesendet haben.',
  'report.legitimate':
    'In Junk-E-Mail verschoben, aber es sah nach einer echten Antwort auf Ihre Nachricht aus. Sie können sie aus Junk-E-Mail zurückholen.',
  'report.unsure':
    'In Junk-E-Mail verschoben. Ob Sie das Original gesendet haben, ließ sich nicht sagen; die Nachricht bleibt in Junk-E-Mail.',
  'report.other':
    'In Junk-E-Mail verschoben. Es sah nicht nach einem Unzustellbarkeitsbericht oder einer automatischen Antwort aus.',
  'report.failed': 'In Junk-E-Mail verschoben. Die Nachricht konnte nicht geprüft werden ({message}).',
  'sweep.title': 'Posteingang durchsuchen',
  'sweep.intro':
    'Findet Unzustellbarkeitsberichte und automatische Antworten der letzten {days} Tage über Microsoft Graph, auch Standardberichte, die Outlook vor Add-ins verbirgt.',
  'sweep.days': 'Tage',
  'sweep.start': 'Durchsuchen',
  'sweep.cancel': 'Anhalten',
  'sweep.not-configured':
    'Die Posteingangsprüfung braucht eine App-Registrierung: graphClientId in config.json setzen (siehe README, „The Outlook add-in“).',
  'sweep.not-supported':
    'Diese Outlook-Version kann Add-ins nicht bei Microsoft Graph anmelden (keine Nested App Authentication, z. B. in Outlook.com-Postfächern).',
  'sweep.sign-in-failed': 'Die Anmeldung bei Microsoft Graph ist fehlgeschlagen: {message}',
  'sweep.needs-sign-in': 'Microsoft Graph verlangt eine Anmeldung: Wählen Sie noch einmal „Durchsuchen“.',
  'sweep.listing': 'Posteingang wird gelesen: {listed} Nachrichten, {candidates} automatisch…',
  'sweep.checking': 'Prüfe {checked} von {total}…',
  'sweep.done':
    '{total} automatische Nachrichten: {backscatter} Backscatter, {legitimate} echt, {unsure} unsicher, {other} andere.',
  'sweep.none': 'Keine Unzustellbarkeitsberichte oder automatischen Antworten in den letzten {days} Tagen.',
  'sweep.move-selected': '{count} ausgewählte nach Junk-E-Mail verschieben',
  'sweep.moved': '{count} nach Junk-E-Mail verschoben.',
  'sweep.undo': 'Rückgängig',
  'sweep.undone': '{count} zurück in den Posteingang verschoben.',
  'sweep.throttled': 'Microsoft Graph bittet um {seconds} s Pause…',
  'sweep.error': 'Die Prüfung wurde abgebrochen: {message}',
  'sweep.verdict.backscatter': 'Backscatter',
  'sweep.verdict.legitimate': 'echt',
  'sweep.verdict.unsure': 'unsicher',
  'sweep.verdict.none': 'andere',
  'sweep.verdict.error': 'nicht geprüft',
  'analyzer.title': 'Backscatter Guard: Nachrichten prüfen',
  'analyzer.intro':
    'Outlook ist nicht da, also arbeitet diese Seite allein: Legen Sie .eml-Dateien hier ab oder wählen Sie sie aus. Nichts verlässt Ihren Computer.',
  'analyzer.pick': '.eml-Dateien auswählen',
  'analyzer.drop': '.eml-Dateien hier ablegen',
  'analyzer.addresses': 'Ihre Adresse(n)',
  'analyzer.sent': 'Ihre gesendeten Mails (optional: .mbox oder .eml), um die Originale nachzuschlagen',
  'analyzer.sent-loaded': '{count} gesendete Nachrichten aus {files}: Originale werden dort nachgeschlagen.',
  'analyzer.samples': 'Oder ein Beispiel ausprobieren:',
  'analyzer.file': '{name} ({size} Bytes)',
  'analyzer.failed': '{name}: konnte nicht gelesen werden ({message})',
};

const tables: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { en, de };

/** Add-in text for `key`; falls back to English, then to the shared strings (kind.*, action.*). */
export function t(key: string, params: EvidenceParams = {}, lang: Lang = 'en'): string {
  const template = tables[lang][key] ?? en[key];
  if (template === undefined) {
    return sharedFormat(key, params, lang);
  }
  return template.replace(/\{([a-zA-Z0-9_-]+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) {
      return whole;
    }
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}

export const addinStrings = tables;
export { pickLang, sharedFormat, type Lang };
