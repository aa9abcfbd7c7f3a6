// A Received line below the entry hop that names the user's provider or server, while the receiving
// side got the message from somewhere else. Lines below the entry are written by the sender, so this
// is a forgery made to look like the user's mail (spam kits add fake Gmail/Outlook hops).
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { WEIGHTS } from '../thresholds';

export const id = 'forged-relay-hop';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const trace = ctx.trace;
  if (trace === undefined || trace.forgedBelow === undefined) {
    return undefined;
  }
  const forged = trace.forgedBelow;
  return evidence(id, 'backscatter', WEIGHTS.forgedRelayHop, {
    host: forged.fromHost ?? forged.byHost ?? 'unknown',
    entryHost: trace.entry?.fromHost ?? trace.entry?.ip ?? 'unknown',
  });
}
