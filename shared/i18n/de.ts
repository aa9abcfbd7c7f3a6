// German strings. A key missing here falls back to English (format() in ./index.ts), so this table
// may lag behind en.ts; the i18n test lists what is missing without failing.
export const de: Readonly<Record<string, string>> = {
  'verdict.backscatter.title': 'Backscatter: Sie haben das nicht gesendet',
  'verdict.backscatter.summary':
    'Diese {kind} betrifft eine Nachricht, die jemand anderes in Ihrem Namen gesendet hat. Sie können sie bedenkenlos löschen.',
  'verdict.legitimate.title': 'Eine echte {kind} zu Ihrer Nachricht',
  'verdict.legitimate.summary':
    'Diese {kind} betrifft eine Nachricht, die Sie gesendet haben. Unten steht, was passiert ist.',
  'verdict.unsure.title': 'Unklar, ob Sie das gesendet haben',
  'verdict.unsure.summary':
    'Es gibt nicht genug Hinweise, ob Sie die ursprüngliche Nachricht gesendet haben. Prüfen Sie Ihren Ordner „Gesendet“, bevor Sie sie löschen.',
  'verdict.none.title': 'Keine automatische Antwort',
  'verdict.none.summary':
    'Das ist eine gewöhnliche E-Mail, keine Unzustellbarkeitsmeldung und keine automatische Antwort.',

  'kind.ndr': 'Unzustellbarkeitsmeldung',
  'kind.delay': 'Verzögerungsmeldung',
  'kind.delivery-receipt': 'Zustellbestätigung',
  'kind.auto-reply': 'automatische Antwort',
  'kind.challenge': 'Absenderbestätigungs-Anfrage',
  'kind.virus-notice': 'Virenwarnung',
  'kind.read-receipt': 'Lesebestätigung',
  'kind.feedback-report': 'Missbrauchsmeldung',
  'kind.other': 'Nachricht',

  'ui.confidence': 'Sicherheit: {percent} %',
  'ui.reasons': 'Warum',
  'ui.evidence': 'Alle Hinweise',
  'ui.explanation': 'Was passiert ist',
  'ui.explanation-if-sent': 'Falls Sie sie gesendet haben, ist Folgendes passiert',
  'ui.recipient': 'Empfänger: {recipient}',
  'ui.status': 'Status {status}',
  'ui.toward.backscatter': 'Spricht für Backscatter',
  'ui.toward.legitimate': 'Spricht für eine echte Meldung',
  'ui.toward.neutral': 'Hinweis',
  'ui.weight': 'Gewicht {weight}',
  'ui.actions': 'Aktionen',
  'ui.no-evidence': 'Keine Hinweise gefunden.',

  'action.delete': 'Löschen',
  'action.junk': 'In Junk verschieben',
  'action.keep': 'Behalten',
  'action.not-backscatter': 'Das habe ich gesendet',
  'action.is-backscatter': 'Das habe ich nicht gesendet',
  'action.details': 'Details',
  'action.open-sent': 'In „Gesendet“ suchen',

  'evidence.sent-original.found':
    'Die zurückgekommene Nachricht {messageId} liegt in Ihrem Ordner „Gesendet“.',
  'evidence.sent-original.not-found':
    'Die zurückgekommene Nachricht {messageId} ist nicht in Ihrem Ordner „Gesendet“.',
  'evidence.sent-original.unavailable':
    'Ihr Ordner „Gesendet“ konnte nicht durchsucht werden; ob Sie {messageId} gesendet haben, ist unbekannt.',
  'evidence.no-original.neutral':
    'Die Meldung enthält die betroffene Nachricht nicht, deshalb lässt sich das nicht prüfen.',

  'explain.user-unknown': 'Die Adresse {recipient} gibt es nicht.',
  'explain.user-unknown.action': 'Prüfen Sie die Schreibweise oder fragen Sie nach der aktuellen Adresse.',
  'explain.mailbox-full': 'Das Postfach von {recipient} ist voll.',
  'explain.mailbox-full.action': 'Versuchen Sie es später noch einmal.',
  'explain.domain-unknown': 'Die Domain von {recipient} gibt es nicht oder sie empfängt keine E-Mail.',
  'explain.domain-unknown.action': 'Prüfen Sie den Teil nach dem @ auf Tippfehler.',
  'explain.dmarc-fail':
    'Der Server von {recipient} hat Ihre Nachricht abgelehnt, weil die DMARC-Prüfung Ihrer Domain fehlschlug.',
  'explain.dmarc-fail.action':
    'Sagen Sie Ihrem E-Mail-Administrator Bescheid: DMARC Ihrer Domain schlägt fehl.',
  'explain.delayed':
    'Ihre Nachricht an {recipient} ist noch nicht zugestellt; der Server versucht es weiter.',
  'explain.delayed.action': 'Noch nichts zu tun.',
  'explain.other': 'Ihre Nachricht an {recipient} konnte nicht zugestellt werden.',
  'explain.other.action':
    'Lesen Sie die Antwort des Servers unten oder fragen Sie Ihren E-Mail-Administrator.',
  'explain.server-said': 'Der Server schrieb: {diagnostic}',
};
