export { createWorker, type Worker } from './src/worker.ts';
