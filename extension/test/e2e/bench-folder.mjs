// A generated IMAP folder for the sweep benchmark: N messages, a given share of them automated
// (backscatter, real bounces about mail in Sent, auto-replies about mail in Sent), the rest ordinary
// mail. Written straight into the dovecot Maildir (one file per message, as dovecot stores them):
// 20,000 APPENDs through the imap binary would take minutes, a directory of files takes a second,
// and dovecot indexes it on the first SELECT.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = name => readFileSync(path.join(here, 'fixtures', name), 'utf8');

const FIRST = ['Alice', 'Bob', 'Carol', 'Dana', 'Erik', 'Fatima', 'Goran', 'Hana', 'Ivo', 'Jun'];
const LAST = ['Martin', 'Nakamura', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka'];
const TOPICS = [
  'Lunch tomorrow?',
  'Quarterly figures',
  'Re: the draft',
  'Invoice 2026-11',
  'Photos from Saturday',
  'Meeting notes',
  'Fwd: travel plans',
  'Question about the contract',
  'Your order has shipped',
  'Newsletter: November',
];
const LOREM =
  'The figures for the third quarter are in the attached sheet; the totals changed after the review. ';

/**
 * Which messages are automated, and which kind: a fixed pattern, so runs are comparable. With
 * `quietAutoReplies`, besides the share asked for, one slot in 8 × `every` holds an auto-reply marked
 * only by Auto-Submitted (the list cannot see it): half with a subject the sweep's hints know
 * ("Away until …"), half with a plain "Re: …" that only reading every message finds
 * (`sweep-bench.mjs --compare`).
 */
export function planFolder(count, automatedShare, quietAutoReplies = false) {
  const every = Math.max(1, Math.round(1 / automatedShare));
  return Array.from({ length: count }, (_, index) => {
    const n = Math.floor(index / every);
    if (quietAutoReplies && index % every === Math.floor(every / 2) && n % 8 === 7) {
      return n % 16 === 7 ? 'hinted-auto-reply' : 'unmarked-auto-reply';
    }
    if (index % every !== every - 1) {
      return 'ordinary';
    }
    return ['backscatter', 'backscatter', 'legitimate', 'auto-reply'][n % 4];
  });
}

function ordinary(index) {
  const name = `${FIRST[index % FIRST.length]} ${LAST[(index * 7) % LAST.length]}`;
  const address = `${name.toLowerCase().replace(' ', '.')}@example.org`;
  // Every fifth sender quotes a display name with a comma, as address books write it.
  const from =
    index % 5 === 0 ? `"${name.split(' ').reverse().join(', ')}" <${address}>` : `${name} <${address}>`;
  return [
    `Received: from mail.example.org (mail.example.org [192.0.2.40])`,
    `\tby mx.example.test (Postfix) with ESMTPS id O${index}`,
    `\tfor <me@example.test>; Mon, 23 Nov 2026 09:30:00 +0000`,
    `From: ${from}`,
    `To: Test User <me@example.test>`,
    `Subject: ${TOPICS[index % TOPICS.length]} (${index})`,
    `Date: Mon, 23 Nov 2026 09:30:00 +0000`,
    `Message-ID: <ordinary-${index}@example.org>`,
    `MIME-Version: 1.0`,
    `Content-Type: text/plain; charset=UTF-8`,
    ``,
    LOREM.repeat(8 + (index % 20)),
  ].join('\n');
}

/** The message of one plan entry, and the Sent message it is about (if any). */
export function messageFor(kind, index) {
  switch (kind) {
    case 'backscatter':
      return {
        messageId: `bounce-${index}@mx.victim${index % 50}.example`,
        text: fixture('imap-inbox-2-backscatter.eml')
          .replaceAll('bounce-1@mx.victim.example', `bounce-${index}@mx.victim${index % 50}.example`)
          .replaceAll('victim.example', `victim${index % 50}.example`)
          .replace('<forged-123@spammer.example>', `<forged-${index}@spammer.example>`),
      };
    case 'legitimate':
      return {
        messageId: `bounce-${index}@mx.partner.example`,
        text: fixture('imap-inbox-3-legit.eml')
          .replaceAll('bounce-2@mx.partner.example', `bounce-${index}@mx.partner.example`)
          .replaceAll('real-456@example.test', `real-${index}@example.test`),
        sent: fixture('imap-sent-1.eml').replace('real-456@example.test', `real-${index}@example.test`),
      };
    case 'auto-reply':
      return {
        messageId: `ooo-${index}@partner.example`,
        text: fixture('imap-inbox-4-autoreply.eml')
          .replace('ooo-1@partner.example', `ooo-${index}@partner.example`)
          .replaceAll('real-456@example.test', `real-${index}@example.test`),
        sent: fixture('imap-sent-1.eml').replace('real-456@example.test', `real-${index}@example.test`),
      };
    case 'hinted-auto-reply':
    case 'unmarked-auto-reply':
      // An RFC 3834 responder that says so only in Auto-Submitted: a personal sender and a subject
      // of its own (sisimai rfc3834-01 "Away until May 5"), or the answered subject.
      return {
        messageId: `ooo-${index}@partner.example`,
        text: fixture('imap-inbox-4-autoreply.eml')
          .replace('ooo-1@partner.example', `ooo-${index}@partner.example`)
          .replaceAll('real-456@example.test', `real-${index}@example.test`)
          .replace(
            'Subject: Automatic reply: Quarterly report',
            kind === 'hinted-auto-reply' ? 'Subject: Away until December 1' : 'Subject: Re: Quarterly report',
          ),
        sent: fixture('imap-sent-1.eml').replace('real-456@example.test', `real-${index}@example.test`),
      };
    default:
      return { messageId: `ordinary-${index}@example.org`, text: ordinary(index) };
  }
}

function writeMaildir(dir, texts) {
  for (const sub of ['cur', 'new', 'tmp']) {
    mkdirSync(path.join(dir, sub), { recursive: true });
  }
  writeFileSync(path.join(dir, 'maildirfolder'), '');
  texts.forEach((text, index) => {
    // Seen (`:2,S`): nothing here is new mail, so the automatic scan leaves the folder alone.
    writeFileSync(
      path.join(dir, 'cur', `${1_790_000_000 + index}.M${index}P1.bench:2,S`),
      text.replace(/\r?\n/g, '\r\n'),
    );
  });
}

/**
 * Fills the dovecot Maildir under `maildir` with the folder `name` (Maildir++ `.name`) and adds the
 * originals of the real bounces and auto-replies to Sent. Returns the expected verdict per
 * Message-ID of the automated messages.
 */
export function writeBenchFolder({ maildir, name, count, automatedShare, quietAutoReplies = false }) {
  const plan = planFolder(count, automatedShare, quietAutoReplies);
  const texts = [];
  const sent = [];
  const automated = {};
  plan.forEach((kind, index) => {
    const message = messageFor(kind, index);
    texts.push(message.text);
    if (message.sent) {
      sent.push(message.sent);
    }
    if (kind !== 'ordinary') {
      automated[message.messageId] = kind === 'backscatter' ? 'backscatter' : 'legitimate';
    }
  });
  writeMaildir(path.join(maildir, `.${name}`), texts);
  writeMaildir(path.join(maildir, '.Sent'), sent);
  if (process.getuid?.() === 0) {
    execFileSync('chown', ['-R', 'nobody:nogroup', maildir]);
  }
  return { automated, sentCount: sent.length };
}

/** dovecot.mjs subscribes Sent, Junk and Trash; the bench folder is subscribed the same way. */
export function subscribeMailbox(configFile, name) {
  const config = readFileSync(configFile, 'utf8');
  writeFileSync(configFile, config.replace(/\}\n$/, `  mailbox ${name} {\n    auto = subscribe\n  }\n}\n`));
}
