// A throwaway IMAP server for the e2e suite: Debian's dovecot `imap` binary in PREAUTH mode (no
// passwords, no daemon), one process per connection, behind a Node TCP listener on 127.0.0.1.
// The binary refuses to run with a socket as stdin ("must not be started from inetd"), and Node's
// child stdio are socketpairs, so the binary sits between two `cat`s that give it real pipes. Mail lives in a Maildir under the test's temp dir; dovecot refuses to
// run as root, so as root the mail is owned by `nobody`.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const IMAP_BINARY = '/usr/lib/dovecot/imap';

const toCrlf = text => text.replace(/\r?\n/g, '\r\n');

function spawnImap(config, home, stdio) {
  // Own process group, so stop() can end the pipeline (sh, cat, imap, cat) it started, by id.
  return spawn('sh', ['-c', 'cat | "$0" -c "$1" | cat', IMAP_BINARY, config], {
    env: { PATH: process.env.PATH ?? '', USER: 'me', HOME: home },
    stdio,
    detached: true,
  });
}

function endGroup(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

export class Dovecot {
  /** @param {string} dir a fresh directory for config, Maildir and log */
  constructor(dir) {
    this.dir = dir;
    this.config = path.join(dir, 'dovecot.conf');
    this.sessions = new Set();
    mkdirSync(path.join(dir, 'Maildir'), { recursive: true });
    const asRoot = process.getuid?.() === 0;
    writeFileSync(
      this.config,
      [
        'protocols = imap',
        `mail_location = maildir:${path.join(dir, 'Maildir')}`,
        `log_path = ${path.join(dir, 'dovecot.log')}`,
        ...(asRoot
          ? ['mail_uid = nobody', 'mail_gid = nogroup', 'first_valid_uid = 1', 'first_valid_gid = 1']
          : []),
        'namespace inbox {',
        '  inbox = yes',
        '  separator = /',
        ...['Sent', 'Junk', 'Trash'].flatMap(name => [
          `  mailbox ${name} {`,
          `    special_use = \\${name}`,
          '    auto = subscribe',
          '  }',
        ]),
        '}',
        '',
      ].join('\n'),
    );
    if (asRoot) {
      chmodSync(dir, 0o755);
      execFileSync('chown', ['-R', 'nobody:nogroup', path.join(dir, 'Maildir')]);
      writeFileSync(path.join(dir, 'dovecot.log'), '');
      execFileSync('chown', ['nobody:nogroup', path.join(dir, 'dovecot.log')]);
    }
  }

  static available() {
    return existsSync(IMAP_BINARY);
  }

  /** One PREAUTH session: feeds `input`, resolves with everything the server said. */
  session(input) {
    return new Promise((resolve, reject) => {
      const child = spawnImap(this.config, this.dir, ['pipe', 'pipe', 'pipe']);
      let out = '';
      let err = '';
      child.stdout.on('data', chunk => (out += chunk));
      child.stderr.on('data', chunk => (err += chunk));
      child.on('error', reject);
      child.on('close', code =>
        code === 0 ? resolve(out) : reject(new Error(`imap exited ${code}: ${err || out}`)),
      );
      child.stdin.end(input);
    });
  }

  async append(mailbox, message, flags = []) {
    const body = Buffer.from(toCrlf(message), 'utf8');
    const out = await this.session(
      Buffer.concat([
        Buffer.from(`a1 APPEND ${mailbox} (${flags.join(' ')}) {${body.length}+}\r\n`),
        body,
        Buffer.from('\r\na2 LOGOUT\r\n'),
      ]),
    );
    if (!/^a1 OK/m.test(out)) {
      throw new Error(`APPEND to ${mailbox} failed: ${out}`);
    }
  }

  /** The messages of a mailbox as the server holds them: Message-ID and flags, \Deleted ones left out. */
  async list(mailbox) {
    const out = await this.session(
      `a1 SELECT ${mailbox}\r\na2 FETCH 1:* (UID FLAGS BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])\r\na3 LOGOUT\r\n`,
    );
    // * 1 FETCH (UID 7 FLAGS (\Seen Junk) BODY[HEADER.FIELDS (MESSAGE-ID)] {45}\r\n<45 bytes>)\r\n
    const messages = [];
    for (const match of out.matchAll(/^\* \d+ FETCH \((.*?)\{(\d+)\}\r\n/gm)) {
      const literal = out.slice(
        match.index + match[0].length,
        match.index + match[0].length + Number(match[2]),
      );
      const flags = /FLAGS \(([^)]*)\)/.exec(match[1])?.[1].split(' ').filter(Boolean) ?? [];
      const messageId = /Message-ID:\s*<([^>]+)>/i.exec(literal)?.[1];
      if (messageId && !flags.includes('\\Deleted')) {
        messages.push({ messageId, flags });
      }
    }
    return messages;
  }

  /** Serves IMAP on 127.0.0.1 (port 0 = any free port); resolves with the port. */
  listen(port = 0) {
    this.server = net.createServer(socket => {
      const child = spawnImap(this.config, this.dir, ['pipe', 'pipe', 'ignore']);
      this.sessions.add(child);
      socket.pipe(child.stdin);
      child.stdout.pipe(socket);
      const end = () => {
        socket.destroy();
        endGroup(child);
      };
      socket.on('error', end);
      socket.on('close', end);
      child.on('close', () => {
        this.sessions.delete(child);
        socket.destroy();
      });
    });
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve(this.server.address().port));
    });
  }

  async stop() {
    for (const child of this.sessions) {
      endGroup(child);
    }
    await new Promise(resolve => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
