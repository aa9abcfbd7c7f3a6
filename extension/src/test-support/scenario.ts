// The mailbox most unit tests start from: an IMAP account with Inbox, Sent, Junk and one sent
// message, and a POP account without a Junk folder whose Sent folder is empty.
import { createApp } from '../core/app';
import { registerListeners } from '../core/listeners';
import { analysisOf, FAKE_BACKSCATTER_WITHOUT_LOOKUP, fakeEngine, testMessage } from './fake-engine';
import { FakeThunderbird } from './fake-messenger';

/** The tests' "now"; messages are delivered an hour before it unless a test says otherwise. */
export const NOW = Date.parse('2026-11-28T00:00:00Z');

export const CASES = {
  backscatter: analysisOf('ndr', ['forged-123@spammer.example']),
  legit: analysisOf('ndr', ['real-456@example.test']),
  autoreply: analysisOf('auto-reply', ['real-456@example.test']),
  ordinary: analysisOf('other'),
  elsewhere: analysisOf('ndr', ['sent-from-pop@example.org']),
  // A bounce quoting no Message-ID that the engine still calls backscatter (a campaign, say).
  'backscatter-no-lookup': { ...analysisOf('ndr'), warnings: [FAKE_BACKSCATTER_WITHOUT_LOOKUP] },
};

/** The IMAP account every scenario has: me@example.test with Inbox, Sent and Junk. */
export function addImapAccount(tb: FakeThunderbird): void {
  tb.addAccount(
    'account1',
    ['me@example.test'],
    [
      { path: 'INBOX', specialUse: ['inbox'] },
      { path: 'Sent', specialUse: ['sent'] },
      { path: 'Junk', specialUse: ['junk'] },
    ],
  );
}

export function scenario(options: { withVerdict?: boolean; clock?: () => number } = {}) {
  const tb = new FakeThunderbird();
  addImapAccount(tb);
  tb.addAccount(
    'account2',
    ['Other@Example.org'],
    [
      { path: 'Inbox', specialUse: ['inbox'] },
      { path: 'Sent', specialUse: ['sent'] },
    ],
    'pop3',
  );
  const inbox = tb.folder('account1', 'INBOX').id;
  const sent = tb.folder('account1', 'Sent').id;
  tb.deliver(sent, testMessage('sent', 'real-456@example.test'), {
    headerMessageId: 'real-456@example.test',
    subject: 'Quarterly report',
    read: true,
  });
  const messages = {
    ordinary: tb.deliver(inbox, testMessage('ordinary', 'normal-1@example.org'), {
      headerMessageId: 'normal-1@example.org',
      subject: 'Lunch?',
      author: 'Alice <alice@example.org>',
    }),
    backscatter: tb.deliver(inbox, testMessage('backscatter', 'bounce-1@mx.victim.example'), {
      headerMessageId: 'bounce-1@mx.victim.example',
      subject: 'Undelivered Mail',
    }),
    legit: tb.deliver(inbox, testMessage('legit', 'bounce-2@mx.partner.example'), {
      headerMessageId: 'bounce-2@mx.partner.example',
      subject: 'Undelivered Mail',
    }),
    autoreply: tb.deliver(inbox, testMessage('autoreply', 'ooo-1@partner.example'), {
      headerMessageId: 'ooo-1@partner.example',
      subject: 'Out of office',
    }),
  };
  const engine = fakeEngine(CASES, options.withVerdict === false ? { withVerdict: false } : {});
  const app = createApp(tb.messenger, engine, options.clock ?? (() => NOW));
  const errors: unknown[] = [];
  const registered = registerListeners(tb.messenger, app, (_where, error) => errors.push(error));
  return {
    tb,
    app,
    engine,
    errors,
    registered,
    inbox,
    sent,
    junk: tb.folder('account1', 'Junk').id,
    messages,
  };
}
