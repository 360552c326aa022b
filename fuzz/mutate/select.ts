import { UsageError } from '../errors.ts';
import { MUTATION_OPERATORS, type Mutant } from './mutant.ts';

/**
 * The mutants `--only` and `--max` keep, in order. `--only` is a comma-separated list; each item is
 * an operator name (`rounding-flip`) or a piece of an id (`PayoutMath.sol`, `SplitMarket.sol:80:`);
 * a mutant is kept if any item matches. `--max N` then keeps the first N.
 */
export function selectMutants(mutants: readonly Mutant[], only: string | undefined, max: number | undefined): Mutant[] {
  let kept = [...mutants];
  if (only !== undefined) {
    const items = only
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    if (items.length === 0) throw new UsageError('--only needs an operator or a piece of a mutant id', 'mutate');
    kept = kept.filter((m) =>
      items.some((item) =>
        (MUTATION_OPERATORS as readonly string[]).includes(item) ? m.operator === item : m.id.includes(item),
      ),
    );
    if (kept.length === 0) {
      throw new UsageError(
        `--only ${only} matches no mutant (operators: ${MUTATION_OPERATORS.join(', ')}; or a piece of an id such as SplitMarket.sol:80:)`,
        'mutate',
      );
    }
  }
  return max === undefined ? kept : kept.slice(0, max);
}
