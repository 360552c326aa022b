import type { ObservedState } from '../../properties/observed-state.ts';
import type { ActionKind } from '../../reference/action.ts';
import type { Address } from '../../reference/primitives.ts';
import { UsageError } from '../errors.ts';
import type { GasUsage } from '../evm/chain.ts';
import type { ExecutedStep } from '../runner/run-sequence.ts';
import { ACTION_KINDS } from '../trace/fields.ts';
import type { NameBook } from '../trace/names.ts';
import { measureDust } from './metrics-dust.ts';
import { measureExtraction } from './metrics-extraction.ts';
import { measureGas } from './metrics-gas.ts';

/**
 * A number `cliffless fuzz --maximize` drives up (docs/maximize.md):
 * - `extraction`: the collateral one actor's calls took out of the market beyond what it put in;
 * - `dust`: the collateral a settled series keeps after every holder redeemed all it could;
 * - `gas:<kind>`: the gas of one successful call of that action kind.
 */
export type Metric = { kind: 'extraction' } | { kind: 'dust' } | { kind: 'gas'; action: ActionKind };

/** What one run is measured on: its steps (the EVM's outcomes), each step's gas, its last state. */
export interface MetricInput {
  steps: readonly ExecutedStep[];
  /** Gas of each step's call, index for index (`undefined` for a warp). */
  gas: readonly (GasUsage | undefined)[];
  /** The EVM's state after the last step. */
  final: ObservedState;
  /** Names as they stand after the last step (series included), for `at`. */
  book: NameBook;
  /** The world's actors (the accounts whose extraction is measured). */
  actors: readonly Address[];
}

/** A run's value of a metric (never negative) and where it was reached, in words. */
export interface Measured {
  value: bigint;
  /** Which actor and token, series or call; empty when the value is 0 and nothing reached it. */
  at: string;
  /** The value's unit: `gas`, or `base units of WETH`. */
  unit: string;
  /** The step that reached it, when the value depends on no later step (a call's gas). */
  step?: number;
}

/** Kinds whose calls use gas (a warp runs no call). */
const GAS_KINDS = ACTION_KINDS.filter((kind) => kind !== 'warp');

/**
 * Parses `--maximize METRIC`.
 *
 * @throws {UsageError} (exit 2) naming the metric and what is accepted.
 */
export function parseMetric(text: string): Metric {
  if (text === 'extraction' || text === 'dust') return { kind: text };
  if (text.startsWith('gas:')) {
    const action = text.slice(4);
    if (!(GAS_KINDS as string[]).includes(action)) {
      throw new UsageError(
        `--maximize ${text}: unknown action kind "${action}" (expected gas:<kind>, kind one of ${GAS_KINDS.join(', ')})`,
        'fuzz',
      );
    }
    return { kind: 'gas', action: action as ActionKind };
  }
  throw new UsageError(
    `--maximize ${text}: unknown metric (expected extraction, dust or gas:<kind>, e.g. gas:split)`,
    'fuzz',
  );
}

/** The metric as `--maximize` takes it. */
export function metricName(metric: Metric): string {
  return metric.kind === 'gas' ? `gas:${metric.action}` : metric.kind;
}

/** A run's value of `metric`. */
export function measure(metric: Metric, input: MetricInput): Measured {
  switch (metric.kind) {
    case 'extraction':
      return measureExtraction(input);
    case 'dust':
      return measureDust(input);
    case 'gas':
      return measureGas(metric.action, input);
  }
}
