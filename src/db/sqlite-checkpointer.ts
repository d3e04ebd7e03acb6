import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/*
 * SQLite's WAL must be copied back into the database file now and then (a checkpoint), which ends
 * in two fsyncs. Left to SQLite, the connection that commits does it, so every thousandth page or
 * so a request waited for the disk with the event loop stopped: a write cost ≈ 140 µs of wall time
 * for 70 µs of CPU. A worker thread with its own connection checkpoints instead (PASSIVE: it never
 * blocks the writer) every CHECKPOINT_INTERVAL_MS. The serving connection keeps an automatic
 * checkpoint at a much larger WAL size only as a safety valve: under a write load that never
 * pauses, the background checkpoint can never reach the WAL's very end, and only a checkpoint by
 * the writer itself lets the WAL start over from the beginning.
 */

export const CHECKPOINT_INTERVAL_MS = 100;
/** Pages (4 KiB) of WAL after which the serving connection checkpoints itself. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 8192;

// Plain CommonJS evaluated in the worker: no TypeScript loader is needed there.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closing: the next round retries */ }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs: CHECKPOINT_INTERVAL_MS } });
  // A checkpoint that fails is only postponed; the serving connection's fallback still runs.
  worker.on('error', () => undefined);
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop: async () => {
      // Referenced again, or a process with nothing else to do would exit before the worker did.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
