// A signal looks at one kind of evidence and says which way it points, or nothing. Its id is its file
// name under signals/ and is stable: shells show it, tests and the strings table key on it.
import type { Evidence, EvidenceParams } from '../types';
import type { SignalContext } from './context';

export interface Signal {
  id: string;
  evaluate(ctx: SignalContext): Evidence | undefined;
}

export function evidence(
  signal: string,
  direction: Evidence['direction'],
  weight: number,
  params: EvidenceParams,
): Evidence {
  return { signal, direction, weight, params };
}
