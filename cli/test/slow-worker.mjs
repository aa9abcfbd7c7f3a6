// Loads slow-worker.ts in a worker thread through tsx (the tests run TypeScript sources, not the bundle).
import { register } from 'tsx/esm/api';

register();
await import('./slow-worker.ts');
