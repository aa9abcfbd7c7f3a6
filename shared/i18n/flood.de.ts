// Deutsche Texte des Flut-Berichts (shared/src/flood); Schlüssel wie in flood.en.ts.
export const floodDe: Readonly<Record<string, string>> = {
  'flood.title': 'Bericht zur Bounce-Flut',
  'flood.counts':
    '{automated} automatische Nachrichten unter {total}: {backscatter} Backscatter, {legitimate} echt, {unsure} unsicher.',
  'flood.period': 'Erste {first}, letzte {last}.',
  'flood.kinds': 'Nach Art',
  'flood.kind-count': '{kind}: {backscatter} Backscatter, {legitimate} echt, {unsure} unsicher',

  'flood.answer.forged.title':
    'Keine dieser {count} zurückgekommenen Nachrichten wurde von Ihrem Konto gesendet: Jemand fälscht Ihre Adresse.',
  'flood.answer.forged.summary':
    'Spammer setzen Ihre Adresse als Absender ein; die Server, die den Spam abgelehnt haben, schicken die Rückläufer an Sie. Ihr Passwort ist nicht das Problem, und die Rückläufer können gelöscht werden.',
  'flood.answer.account-used.title':
    '{count} Nachrichten wurden von Ihrem Konto gesendet: Ändern Sie Ihr Passwort und prüfen Sie Weiterleitungsregeln und App-Passwörter.',
  'flood.answer.account-used.summary':
    'Sie haben Ihr eigenes Postfach mit dessen Anmeldung verlassen, aber Sie haben sie nicht geschrieben. Möglicherweise kennt jemand Ihr Passwort: Ändern Sie es, schalten Sie die Anmeldung in zwei Schritten ein und entfernen Sie Weiterleitungen und App-Passwörter, die Sie nicht eingerichtet haben.',
  'flood.answer.real-only.title': 'Diese {count} Meldungen betreffen Mail, die Sie gesendet haben.',
  'flood.answer.real-only.summary': 'Kein Zeichen einer Fälschung. Lesen Sie jede: Sie sagt, was schiefging.',
  'flood.answer.unclear.title': '{count} Meldungen ließen sich nicht zuordnen.',
  'flood.answer.unclear.summary':
    'Die Hinweise reichen nicht, um zu sagen, ob Sie die Originale gesendet haben. Sehen Sie vor dem Löschen in Ihren Ordner „Gesendet“.',
  'flood.answer.quiet.title': 'Hier sind keine Rückläufer und keine automatischen Antworten.',
  'flood.answer.quiet.summary':
    'Nichts in dieser Auswahl ist ein Rückläufer, eine automatische Antwort oder eine Absenderprüfung.',
  'flood.ui.why': 'Woran wir das sehen',

  'flood.evidence.foreign-entry':
    '{count} von {total} kamen von Rechnern ins Internet, die nicht Ihre Mailserver sind ({bots} davon Heimanschlüsse oder gekaperte Rechner).',
  'flood.evidence.not-in-sent': '{count} von {total} sind nicht in Ihrem Ordner „Gesendet“.',
  'flood.evidence.auth-fail':
    'Bei {count} von {total} hat der empfangende Server SPF, DKIM oder DMARC Ihrer Domain geprüft, ohne Erfolg.',
  'flood.evidence.forged-hops':
    '{count} enthalten Received-Zeilen, die gefälscht sind, um wie Ihre Server auszusehen.',
  'flood.evidence.foreign-ids': '{count} haben Message-IDs, die keines Ihrer Mailprogramme schreibt.',
  'flood.evidence.wave-only': '{count} enthalten keine Kopie des Originals; sie kamen in derselben Welle.',
  'flood.evidence.account-entry':
    '{count} kamen von den Mailservern Ihres Anbieters oder Ihren eigenen ins Internet ({hosts}).',
  'flood.evidence.account-submission':
    '{count} wurden Ihrem eigenen Mailserver von jemandem übergeben, der in Ihrem Konto angemeldet war.',
  'flood.evidence.account-own-side':
    '{count} hat Ihr eigener Anbieter beim Versand zurückgeschickt: Sie haben Ihr Konto verlassen.',
  'flood.evidence.account-auth-pass':
    'Bei {count} hat der empfangende Server Ihre Authentifizierung bestätigt (SPF, DKIM oder DMARC bestanden).',
  'flood.evidence.account-not-in-sent': '{count} sind nicht in Ihrem Ordner „Gesendet“.',
  'flood.evidence.account-disowned': 'Sie haben {count} davon als nicht von Ihnen gesendet markiert.',
  'flood.evidence.account-spam': '{count} sehen nach Spam aus.',
  'flood.evidence.account-wave': '{count} davon kamen innerhalb von {hours} Stunden.',

  'flood.note.real': '{count} weitere Meldungen betreffen Mail, die Sie gesendet haben: Lesen Sie diese.',
  'flood.note.unsure': '{count} ließen sich nicht zuordnen: Prüfen Sie sie vor dem Löschen.',
  'flood.note.unsaved':
    '{count} zurückgekommene Nachrichten haben Ihr Konto verlassen, sind aber nicht in „Gesendet“ (von einem Telefon oder Programm gesendet, das dort nicht speichert?). Wenn Sie sie nicht kennen, ändern Sie Ihr Passwort.',
  'flood.note.also-forged':
    'Außerdem betreffen {count} Rückläufer Mail, die mit Ihrer Adresse gefälscht wurde.',

  'flood.chart.title': 'Automatische Nachrichten pro {unit}',
  'flood.chart.desc':
    '{count} automatische Nachrichten von {first} bis {last}, gezählt pro {unit}: {backscatter} Backscatter, {legitimate} echt, {unsure} unsicher. Höchstwert: {peak} pro {unit}, ab {peakStart}.',
  'flood.chart.empty': 'Keine datierten automatischen Nachrichten zum Zeichnen.',
  'flood.unit.hour': 'Stunde',
  'flood.unit.day': 'Tag',
  'flood.unit.week': 'Woche',
  'flood.series.backscatter': 'Backscatter',
  'flood.series.legitimate': 'Echt',
  'flood.series.unsure': 'Unsicher',

  'flood.campaign.heading': 'Die Kampagne',
  'flood.campaign.summary':
    '{messages} Rückläufer gefälschter Mail, gesendet an Empfänger bei {domains} verschiedenen Domains, mit {subjects} verschiedenen Betreffs.',
  'flood.campaign.subjects': 'Häufigste Betreffs (als Text; öffnen Sie nie Links in solcher Mail):',
  'flood.campaign.hosts':
    'Wo die gefälschte Mail ins Internet kam ({hosts} verschiedene Rechner, {bots} von {traced} Heimanschlüsse oder gekaperte Rechner):',
  'flood.campaign.count': '{count}×',
  'flood.campaign.claimed': 'nannte sich {name}',
  'flood.campaign.claimed-bot': 'nannte sich {name}; kein Mailserver-Name',
  'flood.campaign.bot': 'kein Mailserver-Name',

  'flood.domain.heading': 'Was für {domain} zu tun ist',
  'flood.domain.dmarc.reject':
    'DMARC: Die Empfänger haben p=reject für {domain} festgehalten ({seen} gefälschte Nachrichten).',
  'flood.domain.dmarc.quarantine':
    'DMARC: Die Empfänger haben p=quarantine für {domain} festgehalten ({seen} gefälschte Nachrichten).',
  'flood.domain.dmarc.none':
    'DMARC: Die Empfänger haben p=none für {domain} festgehalten ({seen} gefälschte Nachrichten): Die Domain bittet sie, Fälschungen anzunehmen.',
  'flood.domain.dmarc.missing': 'DMARC: Die Empfänger fanden keinen DMARC-Eintrag für {domain}.',
  'flood.domain.dmarc.unknown': 'DMARC: Die Empfänger haben kein DMARC-Ergebnis für {domain} festgehalten.',
  'flood.domain.spf.fail':
    'SPF: {domain} veröffentlicht einen strengen Eintrag (-all); die Fälschungen sind daran gescheitert.',
  'flood.domain.spf.softfail':
    'SPF: {domain} veröffentlicht einen weichen Eintrag (~all); die Fälschungen ergaben nur „softfail“.',
  'flood.domain.spf.neutral':
    'SPF: {domain} veröffentlicht einen neutralen Eintrag (?all), der nichts ablehnt.',
  'flood.domain.spf.none': 'SPF: Die Empfänger fanden keinen SPF-Eintrag für {domain}.',
  'flood.domain.spf.pass':
    'SPF: Die Fälschungen haben SPF für {domain} bestanden: Der Eintrag erlaubt Server, die Sie nicht kontrollieren.',
  'flood.domain.spf.error': 'SPF: Der Eintrag von {domain} ließ sich nicht lesen (ein Fehler im Eintrag).',
  'flood.domain.spf.unknown': 'SPF: kein Ergebnis festgehalten.',
  'flood.domain.dkim.signed':
    'DKIM: Ihre echte Mail ist von {domains} signiert; keine der Fälschungen trug eine gültige Signatur.',
  'flood.domain.dkim.unsigned': 'DKIM: Auf Ihrer gesendeten Mail war keine DKIM-Signatur zu sehen.',
  'flood.domain.dkim.forged-passed':
    'DKIM: {count} gefälschte Nachrichten trugen eine gültige Signatur von {domain}.',

  'flood.step.publish-dmarc':
    'Veröffentlichen Sie einen DMARC-Eintrag für {domain} (TXT-Eintrag bei _dmarc.{domain}): zuerst p=none mit Berichten, dann p=reject. Die Empfänger lehnen diese Fälschungen dann ab, statt sie Ihnen zurückzuschicken.',
  'flood.step.dmarc-none-to-reject':
    'Veröffentlichen Sie DMARC p=reject für {domain} statt p=none: Die Empfänger lehnen diese Fälschungen dann ab, statt sie Ihnen zurückzuschicken.',
  'flood.step.dmarc-quarantine-to-reject':
    'Stellen Sie DMARC für {domain} von p=quarantine auf p=reject um: Die Empfänger lehnen diese Fälschungen dann ab, statt sie anzunehmen und zurückzuschicken.',
  'flood.step.dmarc-reject-already':
    '{domain} veröffentlicht bereits DMARC p=reject; Empfänger, die das prüfen, lehnen die Fälschungen ab. Diese Rückläufer kommen von Servern, die erst annehmen und später prüfen; die Serverregeln unten filtern sie.',
  'flood.step.dmarc-check':
    'Prüfen Sie den DMARC-Eintrag von {domain} (TXT-Eintrag bei _dmarc.{domain}): Mit p=reject lehnen Empfänger Fälschungen ab, statt sie Ihnen zurückzuschicken.',
  'flood.step.dkim-first':
    'Lassen Sie zuerst Ihre ausgehende Mail mit DKIM für {domain} signieren: Mit p=reject würde sonst auch weitergeleitete echte Mail ohne Signatur abgelehnt.',
  'flood.step.publish-spf':
    'Veröffentlichen Sie einen SPF-Eintrag für {domain}, der Ihre ausgehenden Mailserver nennt.',
  'flood.step.provider-cannot-publish':
    '{domain} gehört {provider}: Nur {provider} kann SPF, DKIM und DMARC dafür veröffentlichen; Sie selbst können nichts veröffentlichen.',
  'flood.step.provider-report':
    'Markieren Sie die Rückläufer bei {provider} als Spam und schützen Sie Ihr Konto mit einem starken Passwort und Anmeldung in zwei Schritten. Eine Adresse bei einer eigenen Domain mit DMARC p=reject lässt sich nicht lange fälschen.',

  'flood.admin.heading': 'Für Ihren Mail-Administrator',
  'flood.admin.intro':
    'Serverregeln, gelernt aus Ihrer echten Mail: Sie verlässt das Haus über {relays}. Rückläufer, deren zitierte Kopfzeilen keinen dieser Server nennen, betreffen Mail, die Sie nicht gesendet haben.',
  'flood.admin.none':
    'Noch konnte kein ausgehender Server gelernt werden: Geben Sie dem Bericht Ihren Ordner „Gesendet“ oder einen echten Rückläufer Ihrer Mail.',
  'flood.admin.provider':
    '{provider} betreibt die Server von {domain}: Es gibt keine eigenen Serverregeln weiterzugeben.',
  'flood.admin.spamassassin.title': 'SpamAssassin (local.cf)',
  'flood.admin.spamassassin.note':
    'Schaltet die VBounce-Regeln ein: BOUNCE_MESSAGE, CRBOUNCE_MESSAGE und VBOUNCE_MESSAGE markieren dann Rückläufer, Absenderprüfungen und Virenwarnungen, deren zitierte Received-Zeilen keinen von {relays} nennen.',
  'flood.admin.sieve.title': 'Sieve',
  'flood.admin.sieve.note': 'Legt die von diesen Regeln markierten Nachrichten im Ordner {folder} ab.',
  'flood.admin.postfix.title': 'Postfix (header_checks, body_checks)',
  'flood.admin.postfix.note':
    'Nach Postfix’ BACKSCATTER_README: lehnt Rückläufer ab, deren zitierte Kopfzeilen {domain} selbst als Mailserver nennen; Ihre Server ({relays}) nennen sich mit vollem Hostnamen.',
  'flood.admin.exim.title': 'Exim (BATV)',
  'flood.admin.exim.note':
    'Markiert den Return-Path ausgehender Mail und lehnt Rückläufer für {domain} ohne gültige Markierung ab (Exim-Spezifikation: „Bounce address tag validation“). Ersetzen Sie KEY durch ein Geheimnis; Absender, die an die From-Adresse statt an den Return-Path zurückschicken, sind nicht abgedeckt.',

  'flood.ui.export': 'Bericht exportieren…',
  'flood.ui.copy': 'Kopieren',
  'flood.ui.copied': 'Kopiert',
  'flood.ui.generated':
    'Erstellt von Backscatter Guard am {date} aus {total} Nachrichten. Nichts wurde im Internet nachgeschlagen.',
};
