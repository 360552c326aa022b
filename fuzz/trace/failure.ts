import type { Violation } from '../../properties/violation.ts';
import type { Action } from '../../reference/action.ts';

/** Why a sequence failed: the first divergence between the sides, or the first broken property. */
export interface StepFailure {
  /** Index of the action in the sequence. */
  step: number;
  action: Action;
  kind: 'divergence' | 'property' | 'expectation';
  /** Property id (`M2`, `D1`, …) or `expect`. */
  id: string;
  message: string;
  /** Each side's value where they differ, rendered for people. */
  model?: string;
  evm?: string;
  violations: Violation[];
}
