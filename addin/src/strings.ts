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
    'This version of Outlook does not let add-ins read the message. A newer version of Outlook can.',
  'pane.error': 'The message could not be checked. Select it again to try once more.',
  'pane.details': 'Details',
  'pane.source.rebuilt':
    'Read from headers, body and attachments (this Outlook cannot export the whole message).',
  'pane.timing': 'Checked in {ms} ms.',
  'pane.notification-failed': 'The line above the message could not be set.',
  'pane.no-decision': 'Recognised as: {kind}.',
  'pane.recipients': 'Failed recipients: {recipients}',
  'pane.ndr-hidden': 'Outlook does not open add-ins on standard delivery reports.',
  'pane.ndr-sweep': 'The Inbox sweep below checks those.',
  'undo.moved': 'Moved to Junk Email by Backscatter Guard: {count}.',
  'undo.button': 'Undo the last move ({count})',
  'undo.done': 'Moved back where they were: {count}.',
  'undo.failed': '{count} could not be moved back. Try again.',
  'limit.sent.not-configured': 'Sent Items not searched: your organisation has not set this up.',
  'limit.sent.not-supported': 'Sent Items not searched: not possible with this account.',
  'limit.sent.not-connected': 'Sent Items not searched yet: choose Sweep below to sign in.',
  'limit.learned': 'Compared with {count} of your own messages seen in this pane.',
  'limit.no-profile':
    'Tip: open a few messages in Sent Items while this pane is pinned; later checks then know what your mail looks like.',
  'learn.sent': 'This is a message you sent: later checks compare bounces with it.',
  'learn.confirmed': 'Noted: later checks count this message as yours.',
  'junk.move': 'Move to Junk',
  'junk.moved': 'Moved to Junk Email.',
  'junk.undo': 'Undo',
  'junk.undone': 'Moved back to the Inbox.',
  'junk.failed': 'The message could not be moved. Try again.',
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
  'report.failed': 'Moved to Junk Email. The message could not be checked.',
  'sweep.title': 'Sweep the Inbox',
  'sweep.intro':
    'Finds bounces and automatic replies of the last {days} days in your Inbox, including standard delivery reports that Outlook does not show to add-ins.',
  'sweep.days': 'Days',
  'sweep.start': 'Sweep',
  'sweep.cancel': 'Stop',
  'sweep.not-configured':
    'The Inbox sweep is not set up for your organisation. Ask your administrator if you need it.',
  'sweep.not-supported': 'The Inbox sweep needs a Microsoft 365 work or school account.',
  'sweep.sign-in-failed': 'Signing in for the Inbox sweep did not work. Try again later.',
  'sweep.needs-sign-in': 'Please sign in: choose Sweep again.',
  'sweep.listing': 'Listing the Inbox: {listed} messages, {candidates} automated…',
  'sweep.checking': 'Checking {checked} of {total}…',
  'sweep.done':
    '{total} automated messages: {backscatter} backscatter, {legitimate} real, {unsure} unsure, {other} other.',
  'sweep.none': 'No bounces or automatic replies in the last {days} days.',
  'sweep.move-selected': 'Move {count} selected to Junk',
  'sweep.moved': '{count} moved to Junk Email.',
  'sweep.undo': 'Undo',
  'sweep.undone': '{count} moved back to the Inbox.',
  'sweep.throttled': 'Outlook asked us to wait {seconds} s…',
  'sweep.error': 'The sweep stopped before it finished. Try again.',
  'sweep.move-failed': '{count} could not be moved. Try again.',
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
  'analyzer.sent-loaded': '{count} sent messages loaded; originals are looked up there. Files:',
  'analyzer.sent-loaded.one': '1 sent message loaded; originals are looked up there. File:',
  'analyzer.loaded': 'Used for your files',
  'analyzer.loaded.addresses': 'Your addresses: {addresses}',
  'analyzer.loaded.no-addresses': 'No address given: the check cannot tell which mail is yours.',
  'analyzer.loaded.no-sent': 'No sent mail loaded: originals cannot be looked up.',
  'analyzer.remove-sent': 'Remove the sent mail',
  'analyzer.remove': 'Remove',
  'analyzer.clear': 'Remove all results',
  'analyzer.sample-context':
    'Sample: checked as {owner} with that mailbox’s sample Sent folder, apart from your addresses and files.',
  'analyzer.drop': 'Drop .eml files here',
  'analyzer.samples': 'Or try a sample (checked as {owner}, never mixed with your files):',
  'analyzer.file': '{name} ({size} bytes)',
  'analyzer.failed': '{name} could not be read.',
};

const de: Readonly<Record<string, string>> = {
  'pane.loading': 'Nachricht wird gelesen…',
  'pane.no-item':
    'Wählen Sie eine Nachricht aus, um sie zu prüfen. Im angehefteten Bereich läuft die Prüfung bei jeder Auswahl.',
  'pane.compose':
    'Dies ist eine Nachricht, die Sie gerade schreiben. Öffnen Sie einen erhaltenen Unzustellbarkeitsbericht oder eine automatische Antwort.',
  'pane.not-message': 'Nur E-Mails können geprüft werden, keine Kalendereinträge.',
  'pane.unsupported':
    'Diese Outlook-Version lässt Add-ins die Nachricht nicht lesen. Eine neuere Outlook-Version kann es.',
  'pane.error':
    'Die Nachricht konnte nicht geprüft werden. Wählen Sie sie erneut aus, um es noch einmal zu versuchen.',
  'pane.details': 'Details',
  'pane.source.rebuilt':
    'Aus Kopfzeilen, Text und Anlagen gelesen (diese Outlook-Version kann die ganze Nachricht nicht exportieren).',
  'pane.timing': 'Geprüft in {ms} ms.',
  'pane.notification-failed': 'Der Hinweis über der Nachricht konnte nicht gesetzt werden.',
  'pane.no-decision': 'Erkannt als: {kind}.',
  'pane.recipients': 'Fehlgeschlagene Empfänger: {recipients}',
  'pane.ndr-hidden': 'Outlook öffnet Add-ins nicht auf Standard-Unzustellbarkeitsberichten.',
  'pane.ndr-sweep': 'Die Posteingangsprüfung unten prüft diese.',
  'undo.moved': 'Von Backscatter Guard nach Junk-E-Mail verschoben: {count}.',
  'undo.button': 'Letzte Verschiebung rückgängig ({count})',
  'undo.done': 'Zurück an ihren Platz verschoben: {count}.',
  'undo.failed': '{count} konnten nicht zurückverschoben werden. Versuchen Sie es noch einmal.',
  'limit.sent.not-configured':
    '„Gesendete Elemente“ nicht durchsucht: Ihre Organisation hat das nicht eingerichtet.',
  'limit.sent.not-supported': '„Gesendete Elemente“ nicht durchsucht: mit diesem Konto nicht möglich.',
  'limit.sent.not-connected':
    '„Gesendete Elemente“ noch nicht durchsucht: Wählen Sie unten „Durchsuchen“, um sich anzumelden.',
  'limit.learned': 'Verglichen mit {count} Ihrer eigenen Nachrichten, die dieser Bereich gesehen hat.',
  'limit.no-profile':
    'Tipp: Öffnen Sie bei angeheftetem Bereich einige Nachrichten in „Gesendete Elemente“; dann wissen spätere Prüfungen, wie Ihre Mails aussehen.',
  'learn.sent':
    'Dies ist eine Nachricht, die Sie gesendet haben: Spätere Prüfungen vergleichen Bounces damit.',
  'learn.confirmed': 'Vermerkt: Spätere Prüfungen zählen diese Nachricht als Ihre.',
  'junk.move': 'In Junk-E-Mail verschieben',
  'junk.moved': 'In Junk-E-Mail verschoben.',
  'junk.undo': 'Rückgängig',
  'junk.undone': 'Zurück in den Posteingang verschoben.',
  'junk.failed': 'Die Nachricht konnte nicht verschoben werden. Versuchen Sie es noch einmal.',
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
  'report.failed': 'In Junk-E-Mail verschoben. Die Nachricht konnte nicht geprüft werden.',
  'sweep.title': 'Posteingang durchsuchen',
  'sweep.intro':
    'Findet Unzustellbarkeitsberichte und automatische Antworten der letzten {days} Tage im Posteingang, auch Standardberichte, die Outlook Add-ins nicht zeigt.',
  'sweep.days': 'Tage',
  'sweep.start': 'Durchsuchen',
  'sweep.cancel': 'Anhalten',
  'sweep.not-configured':
    'Die Posteingangsprüfung ist für Ihre Organisation nicht eingerichtet. Fragen Sie Ihre Administration, wenn Sie sie brauchen.',
  'sweep.not-supported': 'Die Posteingangsprüfung braucht ein Geschäfts- oder Schulkonto von Microsoft 365.',
  'sweep.sign-in-failed':
    'Die Anmeldung für die Posteingangsprüfung hat nicht geklappt. Versuchen Sie es später noch einmal.',
  'sweep.needs-sign-in': 'Bitte melden Sie sich an: Wählen Sie noch einmal „Durchsuchen“.',
  'sweep.listing': 'Posteingang wird gelesen: {listed} Nachrichten, {candidates} automatisch…',
  'sweep.checking': 'Prüfe {checked} von {total}…',
  'sweep.done':
    '{total} automatische Nachrichten: {backscatter} Backscatter, {legitimate} echt, {unsure} unsicher, {other} andere.',
  'sweep.none': 'Keine Unzustellbarkeitsberichte oder automatischen Antworten in den letzten {days} Tagen.',
  'sweep.move-selected': '{count} ausgewählte nach Junk-E-Mail verschieben',
  'sweep.moved': '{count} nach Junk-E-Mail verschoben.',
  'sweep.undo': 'Rückgängig',
  'sweep.undone': '{count} zurück in den Posteingang verschoben.',
  'sweep.throttled': 'Outlook bittet um {seconds} s Pause…',
  'sweep.error': 'Die Prüfung wurde vorzeitig beendet. Versuchen Sie es noch einmal.',
  'sweep.move-failed': '{count} konnten nicht verschoben werden. Versuchen Sie es noch einmal.',
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
  'analyzer.sent-loaded':
    '{count} gesendete Nachrichten geladen; Originale werden dort nachgeschlagen. Dateien:',
  'analyzer.sent-loaded.one': '1 gesendete Nachricht geladen; Originale werden dort nachgeschlagen. Datei:',
  'analyzer.loaded': 'Für Ihre Dateien verwendet',
  'analyzer.loaded.addresses': 'Ihre Adressen: {addresses}',
  'analyzer.loaded.no-addresses': 'Keine Adresse angegeben: Die Prüfung weiß nicht, welche Mails Ihre sind.',
  'analyzer.loaded.no-sent': 'Keine gesendeten Mails geladen: Originale können nicht nachgeschlagen werden.',
  'analyzer.remove-sent': 'Gesendete Mails entfernen',
  'analyzer.remove': 'Entfernen',
  'analyzer.clear': 'Alle Ergebnisse entfernen',
  'analyzer.sample-context':
    'Beispiel: geprüft als {owner} mit dem Beispiel-Ordner „Gesendet“ dieses Postfachs, getrennt von Ihren Adressen und Dateien.',
  'analyzer.samples':
    'Oder ein Beispiel ausprobieren (geprüft als {owner}, nie mit Ihren Dateien vermischt):',
  'analyzer.file': '{name} ({size} Bytes)',
  'analyzer.failed': '{name} konnte nicht gelesen werden.',
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
