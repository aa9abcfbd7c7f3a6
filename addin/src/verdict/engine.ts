// The engine as the add-in uses it. decide() (the verdict) plugs in here when the engine exports it;
// until then the pane shows what analyze() found, without a verdict.
import { analyze } from '../../../shared/src/index';
import type { EnginePort } from './assess';

export const engine: EnginePort = { analyze };
