import { parentPort } from 'node:worker_threads';
import type { RunOptions } from '../runner/campaign.ts';
import type { PreparedEnvironment } from '../runner/prepare.ts';
import type { BranchRecorder } from './branch-recorder.ts';
import { prepareGuidedEnvironment } from './prepare.ts';
import { runJob } from './run-job.ts';
import type { GuidedWorkerReply, GuidedWorkerRequest } from './worker-pool.ts';

/**
 * One worker thread of a guided campaign: it deploys its own world with a branch recorder from the
 * artifacts it is sent, then runs each job it is given and posts back the run's features, steps
 * and counters (the main thread admits them in run-index order and shrinks a failure).
 */
const port = parentPort;
if (port === null) throw new Error('internal: worker-main.ts runs only as a worker thread');

let world: Promise<{ env: PreparedEnvironment; recorder: BranchRecorder; options: RunOptions }> | undefined;
// Jobs run one after another (the pool sends one at a time; the chain keeps it so regardless).
let queue = Promise.resolve();

port.on('message', (request: GuidedWorkerRequest) => {
  if (request.kind === 'plan') {
    const { artifacts, world: traceWorld, options } = request.plan;
    world = prepareGuidedEnvironment(artifacts, traceWorld).then((prepared) => ({ ...prepared, options }));
    return;
  }
  queue = queue.then(async () => {
    try {
      if (world === undefined) throw new Error('internal: a job came before the plan');
      const { env, recorder, options } = await world;
      const result = await runJob(env, recorder, options, request.job);
      const reply: GuidedWorkerReply = { kind: 'result', result };
      port.postMessage(reply);
    } catch (error) {
      const reply: GuidedWorkerReply = {
        kind: 'error',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
      port.postMessage(reply);
    }
  });
});
