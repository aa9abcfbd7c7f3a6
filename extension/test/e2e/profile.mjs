// A fresh Thunderbird profile for the e2e suite: prefs (user.js), an IMAP account on the test's
// dovecot, a Local Folders account seeded with mbox files, and the built XPI sideloaded into
// <profile>/extensions/<gecko id>.xpi.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mboxo, as Thunderbird writes it: a "From " separator line, body lines starting with "From " quoted. */
export function toMbox(messages) {
  return messages
    .map(
      text =>
        `From - Mon Nov 23 12:00:00 2026\n${text
          .replace(/\r\n/g, '\n')
          .replace(/^From /gm, '>From ')
          .replace(/\n*$/, '\n')}\n`,
    )
    .join('');
}

export function createProfile({
  dir,
  xpi,
  extensionId,
  imapPort,
  marionettePort,
  localFolders,
  idleTimeoutMs,
}) {
  mkdirSync(path.join(dir, 'extensions'), { recursive: true });
  const local = path.join(dir, 'Mail', 'Local Folders');
  mkdirSync(local, { recursive: true });
  for (const [name, messages] of Object.entries(localFolders)) {
    writeFileSync(path.join(local, name), toMbox(messages));
  }
  copyFileSync(xpi, path.join(dir, 'extensions', `${extensionId}.xpi`));
  const prefs = {
    // Sideloaded, unsigned add-on, enabled without a prompt.
    'xpinstall.signatures.required': false,
    'extensions.autoDisableScopes': 0,
    'extensions.enabledScopes': 15,
    // Extension pages in the parent process, so the test can read and click the options and
    // sweep pages from Marionette's chrome context (the message pane is in-process anyway).
    'extensions.webextensions.remote': false,
    'marionette.port': marionettePort,
    ...(idleTimeoutMs ? { 'extensions.background.idle.timeout': idleTimeoutMs } : {}),
    // A quiet first run: no dialogs, no network.
    'mail.shell.checkDefaultClient': false,
    'mail.provider.suppress_dialog_on_startup': true,
    'mailnews.start_page.enabled': false,
    'mail.rights.version': 1,
    'mail.spotlight.firstRunDone': true,
    'mail.winsearch.firstRunDone': true,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    'app.donation.eoy.version.viewed': 999,
    'mail.biff.show_alert': false,
    'mail.biff.play_sound': false,
    'browser.dom.window.dump.enabled': true,
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': true,
    // Accounts: account1 = IMAP (identity me@example.test), account2 = Local Folders.
    'mail.accountmanager.accounts': 'account1,account2',
    'mail.accountmanager.defaultaccount': 'account1',
    'mail.accountmanager.localfoldersserver': 'server2',
    'mail.account.account1.server': 'server1',
    'mail.account.account1.identities': 'id1',
    'mail.account.account2.server': 'server2',
    'mail.identity.id1.fullName': 'Test User',
    'mail.identity.id1.useremail': 'me@example.test',
    'mail.identity.id1.valid': true,
    'mail.identity.id1.fcc_folder': 'imap://me@127.0.0.1/Sent',
    'mail.server.server1.type': 'imap',
    'mail.server.server1.hostname': '127.0.0.1',
    'mail.server.server1.port': imapPort,
    'mail.server.server1.socketType': 0,
    'mail.server.server1.authMethod': 3,
    'mail.server.server1.userName': 'me',
    'mail.server.server1.name': 'me@example.test',
    'mail.server.server1.directory-rel': '[ProfD]ImapMail/127.0.0.1',
    'mail.server.server1.login_at_startup': true,
    'mail.server.server1.check_new_mail': true,
    'mail.server.server1.check_time': 1,
    'mail.server.server1.use_idle': true,
    // Sent must stay unsynced until the test opens it: that is the "unavailable" case under test.
    'mail.server.server1.check_all_folders_for_new': false,
    'mail.server.server1.offline_download': false,
    'mail.server.default.autosync_offline_stores': false,
    'mail.server.server2.type': 'none',
    'mail.server.server2.hostname': 'Local Folders',
    'mail.server.server2.name': 'Local Folders',
    'mail.server.server2.userName': 'nobody',
    'mail.server.server2.directory-rel': '[ProfD]Mail/Local Folders',
  };
  writeFileSync(
    path.join(dir, 'user.js'),
    Object.entries(prefs)
      .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
      .join('\n') + '\n',
  );
}

/** The messages of an mbox file that Thunderbird has not marked expunged (X-Mozilla-Status 0x0008). */
export function readMbox(text) {
  return text
    .split(/^From [^\n]*\n/m)
    .filter(chunk => chunk.trim() !== '')
    .map(chunk => ({
      messageId: /^Message-ID:\s*<([^>]+)>/im.exec(chunk)?.[1],
      status: Number.parseInt(/^X-Mozilla-Status:\s*([0-9a-f]+)/im.exec(chunk)?.[1] ?? '0', 16),
      keys: /^X-Mozilla-Keys:(.*)$/im.exec(chunk)?.[1]?.trim() ?? '',
    }))
    .filter(message => (message.status & 0x0008) === 0);
}
