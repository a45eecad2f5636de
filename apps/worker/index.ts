export {
  createWorker,
  previousBusinessDate,
  serviceJobs,
  type Worker,
  type WorkerJob,
} from './src/worker.ts';
