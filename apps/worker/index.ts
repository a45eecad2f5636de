export { createWorker, serviceJobs, type Worker, type WorkerJob } from './src/worker.ts';
