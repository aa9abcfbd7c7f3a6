// Says why the original's own header block counted for nothing: it is a replay (security issue 8). The
// quoted message is one the user really sent (its id is in Sent), but the bounce arrived outside any
// genuine bounce's window of it (sent-original.ts `replayedOriginal`): a message copied whole from a
// public list archive, headers and all, inside a forged bounce. Its route, DKIM-Signature,
// Authentication-Results, ARC, Message-ID, From and User-Agent are the old message's, so the signals
// that read them give nothing toward legitimate (context.ts `originalHeadersVouch`). A note only: a
// replay is no evidence of backscatter by itself, so the verdict rests on the rest.
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';

export const id = 'replayed-original';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const replay = ctx.replayed;
  return replay === undefined
    ? undefined
    : evidence(id, 'neutral', 0, {
        variant: 'headers',
        messageId: replay.messageId,
        sentDate: replay.sentDate,
        replyDate: replay.arrived,
      });
}
