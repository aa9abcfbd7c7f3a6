// The engine as the add-in uses it: analyze() reads the message, decide() gives the verdict.
import { analyze, decide } from '../../../shared/src/index';
import type { EnginePort } from './assess';

export const engine: EnginePort = { analyze, decide };
