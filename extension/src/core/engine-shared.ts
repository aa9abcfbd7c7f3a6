// The real engine behind the Engine port: analyze() and summarizeHeaders() from shared/src.
// The verdict module (decide, learnProfile) is wired here once it exists; until then `verdict` is
// undefined and the extension analyses without judging.
import { analyze, summarizeHeaders } from '../../../shared/src/index';
import type { Engine } from './engine';

export const sharedEngine: Engine = { analyze, summarizeHeaders, verdict: undefined };
