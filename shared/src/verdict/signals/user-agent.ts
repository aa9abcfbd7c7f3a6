// Which program wrote the original (User-Agent / X-Mailer)? Once the profile has seen enough of the
// user's mail, a program they never use points to a forger's tool; one they use points (weakly) to them.
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { THRESHOLDS, WEIGHTS } from '../thresholds';
import { agentFamily } from '../user-agent';

export const id = 'user-agent';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const agent = agentFamily(ctx.original?.userAgent);
  if (agent === undefined || ctx.profile.userAgents.length === 0) {
    return undefined;
  }
  if (ctx.profile.userAgents.includes(agent)) {
    // A copied User-Agent costs nothing: behind a foreign entry it vouches for nothing.
    return ctx.senderFieldsVouch
      ? evidence(id, 'legitimate', WEIGHTS.agentMatch, { variant: 'match', agent })
      : undefined;
  }
  if (ctx.profile.sampleSize >= THRESHOLDS.minSampleForHabits) {
    return evidence(id, 'backscatter', WEIGHTS.agentForeign, { variant: 'foreign', agent });
  }
  return undefined;
}
