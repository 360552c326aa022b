import type { ActionKind } from '../../reference/action.ts';
import type { Measured, MetricInput } from './metrics.ts';

/**
 * `gas:<kind>`: the most gas one successful call of `kind` used in the run, as a transaction would
 * be charged (intrinsic + execution − refund: `GasUsage.total`, comparable with forge's and a
 * chain's receipts). Reverted calls are left out: a revert's gas says how early a check fails, not
 * what the action costs.
 */
export function measureGas(kind: ActionKind, input: MetricInput): Measured {
  let best: Measured = { value: 0n, at: '', unit: 'gas' };
  input.steps.forEach((step, i) => {
    const gas = input.gas[i];
    if (step.action.kind !== kind || !step.outcome.ok || gas === undefined) return;
    if (gas.total > best.value) best = { value: gas.total, at: `step ${i} (${kind})`, unit: 'gas', step: i };
  });
  return best;
}
