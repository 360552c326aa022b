import { questionKey } from '../../properties/observed-state.ts';
import type { EventLog } from '../../reference/outcome.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import { getArtifact } from '../compile/artifacts.ts';
import type { EvmHost } from './host.ts';

/**
 * Updates what the host tracks from the decoded logs of one successful call, in log order: a
 * SeriesCreated by the market adds the series and its two claim tokens, a Proposed by the oracle
 * adds its question, and a Transfer of a tracked token to or from the market adds to its flows (a
 * ledger's Transfer to those of each of its addresses: entry points log nothing themselves).
 */
export function trackEvents(host: EvmHost, events: readonly EventLog[]): void {
  const { market, oracle } = host.setup;
  const { tracked } = host;
  for (const event of events) {
    if (event.name === 'Transfer') {
      for (const address of host.ledgers[event.address] ?? [event.address]) {
        const flow = tracked.flows.get(address);
        if (flow === undefined) continue;
        const value = event.args.value as bigint;
        if (event.args.to === market) flow.paidIn += value;
        if (event.args.from === market) flow.paidOut += value;
        tracked.observedFlows = undefined;
      }
    } else if (event.name === 'SeriesCreated' && event.address === market) {
      tracked.series.push(event.args.seriesId as Bytes32);
      const slots = host.reader.tokenSlots(getArtifact(host.artifacts, 'ClaimToken'));
      for (const token of [event.args.pToken, event.args.nToken] as Address[]) {
        tracked.tokens.push(token);
        tracked.flows.set(token, { paidIn: 0n, paidOut: 0n });
        tracked.observedFlows = undefined;
        host.tokenSlots.set(token, slots);
      }
    } else if (event.name === 'Proposed' && event.address === oracle.address) {
      const indexId = event.args.indexId as Bytes32;
      const timestamp = event.args.timestamp as bigint;
      const key = questionKey(indexId, timestamp);
      if (!tracked.questions.some((q) => q.key === key)) tracked.questions.push({ key, indexId, timestamp });
    }
  }
}
