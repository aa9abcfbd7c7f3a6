// The engine's analyze() off the pane's main thread: one message in, its Analysis out. The page ends
// this worker when a message runs over its time budget (worker-engine.ts), which is the only way to
// stop a computation that does not return.
import { analyze } from '../../../shared/src/index';

interface Request {
  id: number;
  bytes: Uint8Array;
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = event => {
  const { id, bytes } = event.data;
  void analyze(bytes).then(analysis => scope.postMessage({ id, analysis }));
};
