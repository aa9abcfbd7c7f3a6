// The signals, in the order their evidence is listed when weights tie. Adding a signal: a file in
// signals/ exporting `id` (= file name) and `evaluate`, a line here, strings in shared/i18n/en.ts
// (evidence.<id>.<variant>); registry.test.ts checks all three.
import type { Signal } from './signal';
import * as sentOriginal from './signals/sent-original';
import * as sentReply from './signals/sent-reply';
import * as replayedOriginal from './signals/replayed-original';
import * as entryHop from './signals/entry-hop';
import * as forgedRelayHop from './signals/forged-relay-hop';
import * as originalAuth from './signals/original-auth';
import * as spamFilter from './signals/spam-filter';
import * as dkimSignature from './signals/dkim-signature';
import * as messageIdShape from './signals/message-id-shape';
import * as returnPathTag from './signals/return-path-tag';
import * as originalSender from './signals/original-sender';
import * as userAgent from './signals/user-agent';
import * as spamRecipients from './signals/spam-recipients';
import * as spamContent from './signals/spam-content';
import * as bounceReason from './signals/bounce-reason';
import * as campaign from './signals/campaign';
import * as correspondent from './signals/correspondent';
import * as noOriginal from './signals/no-original';

export const SIGNALS: readonly Signal[] = [
  sentOriginal,
  sentReply,
  replayedOriginal,
  entryHop,
  forgedRelayHop,
  originalAuth,
  spamFilter,
  dkimSignature,
  messageIdShape,
  returnPathTag,
  originalSender,
  userAgent,
  correspondent,
  spamRecipients,
  spamContent,
  bounceReason,
  campaign,
  noOriginal,
];
