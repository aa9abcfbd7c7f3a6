// German strings, one for every English key (index.test.ts checks it). A key missing here would fall
// back to English (format() in ./index.ts).
export const de: Readonly<Record<string, string>> = {
  'verdict.backscatter.title': 'Backscatter: Sie haben das nicht gesendet',
  'verdict.backscatter.summary':
    'Diese {kind} betrifft eine Nachricht, die jemand anderes in Ihrem Namen gesendet hat, nicht Ihre E-Mail.',
  'verdict.legitimate.title': 'Eine echte {kind} zu Ihrer Nachricht',
  'verdict.legitimate.summary': 'Diese {kind} betrifft eine Nachricht, die Sie gesendet haben.',
  'verdict.user.title': 'Von Ihnen als kein Backscatter markiert',
  'verdict.user.summary':
    'Die Prüfung ergab „{verdict}“ ({percent} %), aber Ihre Entscheidung gilt: Diese {kind} wird weder markiert noch verschoben.',
  'verdict.unsure.title': 'Unklar, ob Sie das gesendet haben',
  'verdict.unsure.summary':
    'Es gibt nicht genug Hinweise, ob Sie die ursprüngliche Nachricht gesendet haben. Sehen Sie in Ihrem Ordner „Gesendet“ nach, bevor Sie sie verschieben.',
  'verdict.backscatter.short': 'Backscatter',
  'verdict.legitimate.short': 'Echte Meldung',
  'verdict.unsure.short': 'Unklar',
  'verdict.legitimate.short.ndr': 'Echte Unzustellbarkeit',
  'verdict.legitimate.short.delay': 'Verzögert',
  'verdict.legitimate.short.delivery-receipt': 'Zugestellt',
  'verdict.legitimate.short.auto-reply': 'Autom. Antwort',
  'verdict.legitimate.short.challenge': 'Bestätigungsanfrage',
  'verdict.legitimate.short.virus-notice': 'Virenwarnung',
  'verdict.legitimate.short.read-receipt': 'Lesebestätigung',
  'verdict.legitimate.short.feedback-report': 'Missbrauchsmeldung',
  'verdict.user.short': 'Kein Backscatter',
  'verdict.none.short': 'Nicht automatisch',
  'verdict.none.title': 'Keine automatische Antwort',
  'verdict.none.summary':
    'Das ist eine gewöhnliche E-Mail, keine Unzustellbarkeitsmeldung und keine automatische Antwort.',
  'verdict.none.kind.title': 'Kein Urteil nötig',
  'verdict.none.kind.summary':
    'Das ist eine automatische Nachricht ({kind}). Backscatter Guard beurteilt nur Unzustellbarkeitsmeldungen und automatische Antworten.',

  'kind.ndr': 'Unzustellbarkeitsmeldung',
  'kind.delay': 'Verzögerungsmeldung',
  'kind.delivery-receipt': 'Zustellbestätigung',
  'kind.auto-reply': 'automatische Antwort',
  'kind.challenge': 'Absenderbestätigungs-Anfrage',
  'kind.virus-notice': 'Virenwarnung',
  'kind.read-receipt': 'Lesebestätigung',
  'kind.feedback-report': 'Missbrauchsmeldung',
  'kind.other': 'Nachricht',
  'contains.forwarded-report':
    'Diese Nachricht hat eine Person geschrieben; sie enthält eine weitergeleitete Unzustellbarkeitsmeldung und ist selbst kein Backscatter.',

  'ui.confidence': 'Wahrscheinlichkeit: {percent} %',
  'ui.reasons': 'Warum',
  'ui.evidence': 'Weitere Hinweise',
  'ui.reasons-checks': 'Was die Prüfung ergab',
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
  'evidence.sent-original.found-recipient':
    'In Ihrem Ordner „Gesendet“ liegt eine Nachricht an {address} zum Betreff „{subject}“ aus der Zeit der zurückgekommenen.',
  'evidence.sent-original.found-recipient-only':
    'In Ihrem Ordner „Gesendet“ liegt eine Nachricht an {address} aus der Zeit der zurückgekommenen.',
  'evidence.sent-original.not-found-recipient':
    'In Ihrem Ordner „Gesendet“ liegt keine Nachricht an {address} aus der Zeit der zurückgekommenen.',
  'evidence.sent-original.unavailable-recipient':
    'Ob Sie damals an {address} geschrieben haben, ist unbekannt: Ihr Ordner „Gesendet“ gibt darüber keine sichere Auskunft.',
  'evidence.sent-original.found-date-mismatch':
    'Diese Meldung gibt Ihre Nachricht {messageId} vom {sentDate} zurück, kam aber am {replyDate} an: Eine echte Unzustellbarkeitsmeldung kommt innerhalb der Tage, in denen ein Server die Zustellung wiederholt. Gesendete Nachrichten lassen sich vollständig aus öffentlichen Listenarchiven kopieren, daher zeigt das nicht, dass die Meldung Ihre Nachricht betrifft.',
  'evidence.replayed-original.headers':
    'Die zitierten Kopfzeilen sind die Ihrer Nachricht {messageId} vom {sentDate}, wiederverwendet in einer Meldung, die am {replyDate} ankam: Weg, Signaturen, Authentifizierungsergebnisse und Message-ID wurden für jene alte Nachricht geschrieben und sagen daher nichts über diese Meldung.',
  'evidence.sent-original.found-undated':
    'Diese Meldung gibt Ihre Nachricht {messageId} zurück, aber die Daten ließen sich nicht vergleichen; daher zeigt das nicht, dass die Meldung Ihre Nachricht betrifft.',
  'evidence.sent-original.found-recipient-date-mismatch':
    'In Ihrem Ordner „Gesendet“ liegt eine Nachricht an {address} aus der Zeit, die diese Meldung nennt ({sentDate}), aber die Meldung kam am {replyDate} an: Eine echte Unzustellbarkeitsmeldung kommt innerhalb der Tage, in denen ein Server die Zustellung wiederholt.',
  'evidence.sent-original.found-recipient-undated':
    'In Ihrem Ordner „Gesendet“ liegt eine Nachricht an {address} aus der Zeit, die diese Meldung nennt, aber wann die Meldung ankam, ist unbekannt; daher zeigt das nicht, dass sie Ihre Nachricht betrifft.',
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
  'evidence.sent-reply.found':
    'Diese Antwort bezieht sich auf Ihre Nachricht {messageId}, die in Ihrem Ordner „Gesendet“ liegt.',
  'evidence.sent-reply.not-found':
    'Diese Antwort bezieht sich auf eine Nachricht {messageId}, die nicht in Ihrem Ordner „Gesendet“ liegt.',
  'evidence.sent-reply.references-found':
    'Diese Antwort nennt Ihre Nachricht {messageId} unter ihren Bezügen, sagt aber nicht, dass sie darauf antwortet.',
  'evidence.sent-reply.found-date-mismatch':
    'Diese Antwort gibt an, auf Ihre Nachricht {messageId} vom {sentDate} zu antworten, kam aber am {replyDate} an: Eine automatische Antwort kommt innerhalb weniger Tage. Message-IDs lassen sich aus öffentlichen Listenarchiven kopieren, daher zeigt das nicht, dass Sie dem Absender geschrieben haben.',
  'evidence.sent-reply.found-subject-mismatch':
    'Diese Antwort gibt an, auf Ihre Nachricht {messageId} zu antworten, nennt aber einen anderen Betreff. Message-IDs lassen sich aus öffentlichen Listenarchiven kopieren, daher zeigt das nicht, dass Sie dem Absender geschrieben haben.',
  'evidence.sent-reply.found-undated':
    'Diese Antwort gibt an, auf Ihre Nachricht {messageId} zu antworten, aber die Daten ließen sich nicht vergleichen; daher zeigt das nicht, dass Sie dem Absender geschrieben haben.',
  'evidence.sent-reply.unavailable':
    'Ihr Ordner „Gesendet“ konnte nicht nach der beantworteten Nachricht ({messageId}) durchsucht werden.',
  'evidence.sent-reply.found-recipient':
    'Sie haben kurz vor dieser Antwort an {address} zum Betreff „{subject}“ geschrieben.',
  'evidence.sent-reply.found-recipient-only': 'Sie haben kurz vor dieser Antwort an {address} geschrieben.',
  'evidence.sent-reply.found-recipient-date-mismatch':
    'Sie haben um das Datum, das diese Antwort nennt ({sentDate}), an {address} geschrieben, aber sie kam am {replyDate} an: Eine automatische Antwort kommt innerhalb weniger Tage.',
  'evidence.sent-reply.found-recipient-undated':
    'Sie haben um das Datum, das diese Antwort nennt, an {address} geschrieben, aber wann sie ankam, ist unbekannt; daher zeigt das nicht, dass sie Ihnen antwortet.',
  'evidence.sent-reply.not-found-recipient':
    'In Ihrem Ordner „Gesendet“ liegt keine Nachricht an {address} (oder jemanden dieser Domain) aus der Zeit kurz vor dieser Antwort.',
  'evidence.sent-reply.unavailable-recipient':
    'Ob Sie vor dieser Antwort an {address} geschrieben haben, ist unbekannt: Ihr Ordner „Gesendet“ gibt darüber keine sichere Auskunft.',
  'evidence.entry-hop.provider':
    'Die Nachricht kam beim Empfänger von {host} an, einem Server Ihres Anbieters {provider}.',
  'evidence.entry-hop.relay':
    'Die Nachricht kam beim Empfänger von {host} an, einem Ihrer üblichen Ausgangsserver.',
  'evidence.entry-hop.submission':
    'Ihr eigener Mailserver {host} hat sie von einem angemeldeten Absender angenommen ({protocol}).',
  'evidence.entry-hop.own-side':
    'Ihr eigener E-Mail-Anbieter hat diese Meldung geschrieben ({host}), und die Nachricht kam nie von außen zu ihm: Sie wurde aus Ihrem Konto gesendet.',
  'evidence.entry-hop.bot':
    'Die Nachricht kam beim Empfänger von {host} [{ip}] an, einem Heim- oder Einwahlanschluss ohne richtigen Mailservernamen: von dort senden Spam-Bots.',
  'evidence.entry-hop.foreign':
    'Die Nachricht kam beim Empfänger von {host} [{ip}] an, der keiner Ihrer Ausgangsserver ist.',
  'evidence.entry-hop.unverifiable':
    'Die Nachricht kam beim Empfänger von einem Server an, der sich nur {host} [{ip}] nennt: Es wurde kein Reverse-DNS-Name festgehalten, das lässt sich also nicht prüfen.',
  'evidence.entry-hop.ip-mismatch':
    'Die Nachricht kam beim Empfänger von {host} an, der sich als {provider} ausgibt, aber seine Adresse {ip} gehört nicht zu {provider}.',
  'evidence.forged-relay-hop.backscatter':
    'Eine tiefere Received-Zeile behauptet, sie sei über {host} gelaufen, doch der Empfängerserver bekam sie von {entryHost}: Diese Zeile hat der Absender geschrieben, eine typische Fälschung.',
  'evidence.spam-filter.auth':
    'Der Spamfilter des Empfängers hat eine fehlgeschlagene Absender-Authentifizierung vermerkt ({tests}).',
  'evidence.spam-filter.rdns':
    'Der Spamfilter des Empfängers hat einen Absender ohne richtigen Servernamen vermerkt ({tests}).',
  'evidence.original-auth.pass': 'Der Empfängerserver hat {method} für Ihre Domain {domain} bestätigt.',
  'evidence.original-auth.fail':
    'Der Empfängerserver stellte fest, dass {method} für {domain} fehlschlug ({result}).',
  'evidence.original-auth.none':
    'Der Empfängerserver fand keinen {method}-Eintrag für {domain} ({result}), obwohl Ihr Anbieter immer einen setzt.',
  'evidence.dkim-signature.match': 'Die Nachricht trägt eine DKIM-Signatur von {domain}, wie Ihre E-Mails.',
  'evidence.dkim-signature.missing':
    'Die Nachricht trägt keine DKIM-Signatur, obwohl Ihre E-Mails immer von {expected} signiert werden.',
  'evidence.dkim-signature.foreign':
    'Die Nachricht wurde von {found} signiert, nicht von {expected} wie Ihre E-Mails.',
  'evidence.message-id-shape.match':
    'Die Message-ID der Nachricht sieht aus wie die Ihrer E-Mails ({domain}).',
  'evidence.message-id-shape.mismatch':
    'Die Message-ID der Nachricht {messageId} sieht nicht aus wie die Ihrer E-Mails.',
  'evidence.message-id-shape.foreign-domain':
    'Die Message-ID der Nachricht {messageId} wurde bei {domain} erzeugt, nicht von einem Programm oder Anbieter, den Sie nutzen.',
  'evidence.message-id-shape.forged-provider':
    'Die Message-ID der Nachricht {messageId} gibt vor, von {provider} zu stammen, aber {provider} erzeugt keine solchen IDs.',
  'evidence.message-id-shape.missing':
    'Die Nachricht hat keine Message-ID, obwohl jedes Ihrer E-Mail-Programme eine setzt.',
  'evidence.original-sender.match': 'Die Nachricht wurde von Ihrer Adresse {address} gesendet.',
  'evidence.original-sender.foreign':
    'Die Nachricht wurde von {address} gesendet, nicht von einer Ihrer Adressen.',
  'evidence.user-agent.match': 'Die Nachricht wurde mit {agent} geschrieben, einem Programm, das Sie nutzen.',
  'evidence.user-agent.foreign':
    'Die Nachricht wurde mit {agent} geschrieben, einem Programm, das Sie nie nutzen.',
  'evidence.correspondent.known': 'Sie haben {address} schon früher geschrieben.',
  'evidence.correspondent.stranger':
    'Sie haben noch nie an jemanden in der Domain von {address} geschrieben.',
  'evidence.spam-recipients.many': 'Die Nachricht ging an {count} Empfänger auf einmal, typisch für Spam.',
  'evidence.spam-recipients.undisclosed':
    'Die Empfänger der Nachricht waren verborgen („{to}“), typisch für Spam.',
  'evidence.spam-recipients.self':
    'Die Nachricht war an dieselbe Adresse gerichtet, von der sie angeblich kam ({address}).',
  'evidence.spam-content.terms': 'Betreff oder Text sehen nach Spam aus ({terms}).',
  'evidence.spam-content.charset':
    'Die Nachricht ist im Zeichensatz {charset} geschrieben, den Sie nie verwenden.',
  'evidence.return-path-tag.missing':
    'Ihre E-Mails tragen eine signierte Rücksendeadresse ({tags}); die zurückgekommene Nachricht nicht.',
  'evidence.return-path-tag.present':
    'Die Nachricht trägt die signierte Rücksendeadresse Ihrer E-Mails ({tag}).',
  'evidence.campaign.backscatter':
    'Sie haben in den letzten {hours} Stunden {count} automatische Nachrichten zu {domains} verschiedenen Domains erhalten: eine typische Backscatter-Welle.',
  'evidence.campaign.co-arrival':
    'Sie enthält nichts zum Prüfen, Sie haben {address} nie geschrieben, und {count} andere automatische Nachrichten innerhalb von {hours} Stunden waren eindeutig Backscatter.',
  'evidence.campaign.unchecked-stranger':
    'Diese Meldung kam in einer Welle von {count} automatischen Nachrichten zu {domains} Domains in {hours} Stunden, enthält nichts Prüfbares, und Sie haben nie an jemanden bei der Domain von {address} geschrieben.',
  'evidence.bounce-reason.spam': 'Der Empfängerserver hat sie als Spam oder Virus abgelehnt.',
  'evidence.bounce-reason.auth':
    'Der Empfängerserver hat sie abgelehnt, weil die Authentifizierung des Absenders fehlschlug.',

  'explain.spam-blocked': 'Der Server von {recipient} hat Ihre Nachricht als Spam abgelehnt.',
  'explain.spam-blocked.action':
    'Entfernen Sie verdächtig wirkende Links oder Anhänge und versuchen Sie es erneut; passiert es wieder, informieren Sie Ihren E-Mail-Anbieter.',
  'explain.auth-policy':
    'Der Server von {recipient} hat Ihre Nachricht abgelehnt, weil er nicht prüfen konnte, dass sie von Ihnen stammt.',
  'explain.auth-policy.action':
    'Sagen Sie Ihrem E-Mail-Administrator Bescheid: SPF, DKIM oder DMARC Ihrer Domain müssen geprüft werden.',
  'explain.spf-fail':
    'Der Server von {recipient} hat Ihre Nachricht abgelehnt, weil die SPF-Prüfung Ihrer Domain fehlschlug.',
  'explain.spf-fail.action':
    'Sagen Sie Ihrem E-Mail-Administrator Bescheid: Der sendende Server steht nicht in Ihrem SPF-Eintrag.',
  'explain.ptr-fail':
    'Der Server von {recipient} hat Ihre Nachricht abgelehnt, weil Ihr Mailserver keinen gültigen Namen hat.',
  'explain.ptr-fail.action':
    'Sagen Sie Ihrem E-Mail-Administrator Bescheid: Der Reverse-DNS-Eintrag Ihres Mailservers fehlt.',
  'explain.too-large': 'Ihre Nachricht an {recipient} war zu groß.',
  'explain.too-large.action': 'Senden Sie kleinere Anhänge oder teilen Sie sie als Link.',
  'explain.expired':
    'Ihre Nachricht an {recipient} konnte nicht rechtzeitig zugestellt werden; der Server hat aufgegeben.',
  'explain.expired.action':
    'Senden Sie sie später erneut; scheitert es wieder, ist der Server des Empfängers vielleicht ausgefallen.',
  'explain.relay-denied': 'Der Server hat sich geweigert, Ihre Nachricht an {recipient} weiterzuleiten.',
  'explain.relay-denied.action':
    'Prüfen Sie die Einstellungen Ihres Postausgangsservers oder fragen Sie Ihren E-Mail-Administrator.',
  'explain.mailbox-disabled': 'Das Postfach von {recipient} ist gesperrt oder wird nicht mehr genutzt.',
  'explain.mailbox-disabled.action': 'Fragen Sie nach einer neuen Adresse.',
  'explain.virus-content':
    'Der Server von {recipient} hat den Inhalt Ihrer Nachricht abgelehnt: Er fand darin einen Virus oder einen Anhang oder Link, den er nicht annimmt.',
  'explain.virus-content.action': 'Senden Sie sie ohne den Anhang oder als Link.',
  'explain.network-error': 'Ihre Nachricht an {recipient} scheiterte an einem Netzwerk- oder Serverproblem.',
  'explain.network-error.action': 'Versuchen Sie es später noch einmal.',
  'explain.delivered': 'Ihre Nachricht an {recipient} wurde zugestellt.',
  'explain.delivered.action': 'Nichts zu tun.',
  'explain.auto-reply':
    'Das ist eine automatische Antwort auf Ihre Nachricht (zum Beispiel wegen Abwesenheit).',
  'explain.auto-reply.action':
    'Nichts zu tun; die Person liest Ihre Nachricht später oder nennt eine Vertretung.',
  'explain.challenge':
    'Der Spamfilter des Empfängers bittet Sie zu bestätigen, dass Sie ein echter Absender sind.',
  'explain.challenge.action':
    'Wenn Sie dieser Person geschrieben haben, folgen Sie den Anweisungen in der Nachricht; sonst auf keinen Fall.',
  'explain.virus-notice':
    'Ein Filter hat Ihre Nachricht gestoppt, weil er darin einen Virus oder verbotene Inhalte fand.',
  'explain.virus-notice.action':
    'Prüfen Sie Ihren Computer auf Viren und senden Sie die Nachricht ohne den Anhang.',
  'explain.read-receipt': 'Der Empfänger hat Ihre Nachricht geöffnet.',
  'explain.read-receipt.action': 'Nichts zu tun.',
};
