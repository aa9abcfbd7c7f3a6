// The seam between the Outlook shell and the engine: bytes in, analysis and decision out. The
// engine functions arrive as a port so the task pane, the Report handler and the sweep share one
// path, and tests can pass hand-made results.
import {
  emptyProfile,
  type Analysis,
  type Decision,
  type History,
  type LookupRequest,
  type Lookups,
  type Profile,
} from '../../../shared/src/index';

export interface Assessment {
  analysis: Analysis;
  /** undefined when no verdict engine is wired in, or the kind gets no verdict. */
  decision: Decision | undefined;
}

export interface EnginePort {
  analyze(bytes: Uint8Array): Promise<Analysis>;
  decide?: (analysis: Analysis, profile: Profile, lookups: Lookups, history?: History) => Decision;
}

export interface AssessContext {
  profile: Profile;
  /** Looks ids up in the user's sent mail (Graph); absent → every lookup counts as unavailable. */
  lookup?: (requests: readonly LookupRequest[]) => Promise<Lookups>;
  history?: History;
}

/**
 * `history`: recent automated mail around this message (the sweep counts it), overriding the context's.
 * `again`: the verdict once more on an analysis already made (the sweep's second pass keeps analyses,
 * not message bytes).
 */
export type AssessFn = ((bytes: Uint8Array, history?: History) => Promise<Assessment>) & {
  again?: (analysis: Analysis, history?: History) => Promise<Assessment>;
};

/** A profile from what Office always knows: the user's own address (or the addresses typed into the analyzer). */
export function profileFromAddress(address: string | readonly string[] | undefined): Profile {
  const list = address === undefined ? [] : typeof address === 'string' ? [address] : address;
  return emptyProfile(list.map(a => a.trim()).filter(a => a.includes('@')));
}

export function makeAssess(engine: EnginePort, context: () => AssessContext): AssessFn {
  const { decide } = engine;
  const judge = async (analysis: Analysis, recent: History | undefined): Promise<Assessment> => {
    if (!decide) {
      return { analysis, decision: undefined };
    }
    const { profile, lookup, history: usual } = context();
    const history = recent ?? usual;
    let lookups: Lookups = {};
    if (lookup && analysis.lookups.length > 0) {
      try {
        lookups = await lookup(analysis.lookups);
      } catch {
        // A failed Sent search must not block the verdict: missing keys count as `unavailable`.
        lookups = {};
      }
    }
    return { analysis, decision: decide(analysis, profile, lookups, history) };
  };
  const assess: AssessFn = async (bytes, recent) => judge(await engine.analyze(bytes), recent);
  assess.again = (analysis, recent) => judge(analysis, recent);
  return assess;
}
