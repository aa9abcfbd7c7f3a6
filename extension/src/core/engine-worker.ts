// The analysis worker of the background page (built to analysisWorker.js, engine-budget.ts drives it):
// analyze() for each message it is sent.
import { analyze } from '../../../shared/src/index';
import type { AnalysisAnswer } from './engine-budget';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ id: number; bytes: Uint8Array }>) => void) | null;
  postMessage: (answer: AnalysisAnswer) => void;
};

scope.onmessage = event => {
  const { id, bytes } = event.data;
  void analyze(bytes).then(analysis => scope.postMessage({ id, analysis }));
};
