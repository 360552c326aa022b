import { parentPort, workerData } from 'node:worker_threads';
import { runClaimed } from '../runner/campaign.ts';
import { prepareEnvironment } from '../runner/prepare.ts';
import { RunBoard } from './board.ts';
import type { WorkerData, WorkerMessage } from './pool.ts';
import { statsToData } from './stats-data.ts';

/**
 * One worker thread of a campaign: deploys its own world from the artifacts it was given, claims
 * runs from the shared board and posts each run's counters as it finishes (the main thread sums
 * them in index order and shrinks the failure).
 */
const data = workerData as WorkerData;
const port = parentPort;
if (port === null) throw new Error('internal: worker-main.ts runs only as a worker thread');

const env = await prepareEnvironment(data.artifacts, data.world);
const board = new RunBoard(data.runs, data.shard, data.board);
const interrupted = await runClaimed(env, data.options, board, data.deadline, (report) => {
  const message: WorkerMessage = {
    kind: 'run',
    index: report.index,
    stats: statsToData(report.stats),
    failed: report.failed,
    length: report.length,
  };
  port.postMessage(message);
});
const done: WorkerMessage = { kind: 'done', interrupted };
port.postMessage(done);
