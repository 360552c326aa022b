import { parentPort } from 'node:worker_threads';
import { RunBoard } from '../runner/board.ts';
import { runClaimed } from '../runner/campaign.ts';
import { prepareEnvironment } from '../runner/prepare.ts';
import type { WorkerMessage, WorkerPlan } from './pool.ts';
import { statsToData } from './stats-data.ts';

/**
 * One worker thread of a campaign: loaded as soon as the pool boots, it waits for the campaign,
 * deploys its own world from the artifacts it is sent, claims runs from the shared board and
 * posts each run's counters as it finishes (the main thread sums them in index order and shrinks
 * the failure).
 */
const port = parentPort;
if (port === null) throw new Error('internal: worker-main.ts runs only as a worker thread');

const plan = await new Promise<WorkerPlan>((resolve) => port.once('message', resolve));
const env = await prepareEnvironment(plan.artifacts, plan.world);
const board = new RunBoard(plan.runs, plan.shard, plan.board);
const interrupted = await runClaimed(env, plan.options, board, plan.deadline, (report) => {
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
