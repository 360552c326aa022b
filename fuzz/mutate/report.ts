import { unifiedDiff } from './diff.ts';
import type { Declarations, StaleEquivalent } from './equivalents.ts';
import type { KillResult } from './kill-campaign.ts';
import { MUTATION_OPERATORS, type Mutant } from './mutant.ts';
import type { MutantBudget, MutantOutcome } from './run-mutant.ts';

/**
 * One mutant in the report: where, what changed, what happened, and its diff. A survivor that a
 * declarations file names is `equivalent`; a declared mutant that was killed stays `killed` (the
 * declaration is wrong). Either carries the declared reason.
 */
export type ReportedMutant = Omit<Mutant, 'source'> &
  Omit<MutantOutcome, 'id' | 'status'> & {
    status: MutantOutcome['status'] | 'equivalent';
    /** The reason the declarations file gives, on every declared mutant of the run. */
    declaredEquivalent?: string;
    diff: string;
  };

/** Killed, survived, declared equivalent and invalid counts. */
export interface Tally {
  mutants: number;
  killed: number;
  survived: number;
  /** Declared equivalent and not killed: left out of the score. */
  equivalent: number;
  invalid: number;
  /** killed / (killed + survived), null when nothing compiled or every survivor is declared equivalent and nothing killed. */
  score: number | null;
}

/** A mutant declared equivalent that the campaign killed: the declaration is wrong. */
export interface WrongDeclaration {
  id: string;
  killedBy: string;
  reason: string;
}

/** What the declarations file did in this run. */
export interface EquivalentsSection {
  /** The file, as given or as found beside the contracts folder. */
  file: string;
  /** Entries in the file (those outside the run's selection included). */
  declared: number;
  /** Entries that match a generated mutant and are in this run. */
  inRun: number;
  /** Declared mutants that were killed: counted killed, the declarations wrong. */
  wrong: WrongDeclaration[];
  /** Entries not applied: no mutant has the id, or it replaces other text. */
  stale: StaleEquivalent[];
}

/** The whole result of a `cliffless mutate` run, as written by --json. */
export interface MutationReport {
  format: 'cliffless-mutation-report';
  version: 2;
  contracts: string;
  budget: MutantBudget & { jobs: number };
  /** The unmutated contracts' campaign under the same budget (it must pass). */
  baseline: { runs: number; actions: number; seconds: number };
  seconds: number;
  total: Tally;
  byOperator: Record<string, Tally>;
  byFile: Record<string, Tally>;
  /** Columns of the kill matrix: every check that failed on some killing step, canonical order. */
  checks: string[];
  mutants: ReportedMutant[];
  /** Present when a declarations file was used. */
  equivalents?: EquivalentsSection;
}

/** Everything a report is built from. */
export interface ReportInput {
  contracts: string;
  budget: MutantBudget & { jobs: number };
  baseline: Extract<KillResult, { killed: false }>;
  mutants: readonly Mutant[];
  outcomes: readonly MutantOutcome[];
  /** Original text of each mutated file, by source unit name. */
  originals: Readonly<Record<string, string>>;
  seconds: number;
  /** Declared equivalent mutants, checked against the generated ones; none when absent. */
  declarations?: Declarations;
}

/** Builds the report data; mutants keep the generator's order. */
export function buildReport(input: ReportInput): MutationReport {
  const mutants = input.mutants.map((mutant, i): ReportedMutant => {
    const outcome = input.outcomes[i];
    if (outcome === undefined || outcome.id !== mutant.id) throw new Error(`internal: no outcome for ${mutant.id}`);
    const { source, ...where } = mutant;
    const { id: _, status, ...what } = outcome;
    const declared = input.declarations?.byId.get(mutant.id);
    return {
      ...where,
      ...what,
      status: declared !== undefined && status === 'survived' ? 'equivalent' : status,
      ...(declared === undefined ? {} : { declaredEquivalent: declared.reason }),
      diff: unifiedDiff(mutant.file, input.originals[mutant.file] ?? '', source),
    };
  });
  const group = (key: (m: ReportedMutant) => string): Record<string, Tally> => {
    const keys = [...new Set(mutants.map(key))];
    return Object.fromEntries(keys.map((k) => [k, tally(mutants.filter((m) => key(m) === k))]));
  };
  const rank = (operator: string) => MUTATION_OPERATORS.indexOf(operator as Mutant['operator']);
  const byOperator = Object.fromEntries(Object.entries(group((m) => m.operator)).sort(([a], [b]) => rank(a) - rank(b)));
  return {
    format: 'cliffless-mutation-report',
    version: 2,
    contracts: input.contracts,
    budget: input.budget,
    baseline: { runs: input.baseline.runs, actions: input.baseline.actions, seconds: round(input.baseline.seconds) },
    seconds: round(input.seconds),
    total: tally(mutants),
    byOperator,
    byFile: group((m) => m.file),
    checks: checkColumns(mutants),
    mutants,
    ...(input.declarations === undefined ? {} : { equivalents: equivalentsSection(input.declarations, mutants) }),
  };
}

function equivalentsSection(declarations: Declarations, mutants: readonly ReportedMutant[]): EquivalentsSection {
  const declared = mutants.filter((m) => m.declaredEquivalent !== undefined);
  return {
    file: declarations.file,
    declared: declarations.declared,
    inRun: declared.length,
    wrong: declared.flatMap((m) =>
      m.status === 'killed' ? [{ id: m.id, killedBy: m.killedBy ?? 'error', reason: m.declaredEquivalent ?? '' }] : [],
    ),
    stale: declarations.stale,
  };
}

/** Counts and score of a group of mutants. */
export function tally(mutants: readonly Pick<ReportedMutant, 'status'>[]): Tally {
  const count = (status: ReportedMutant['status']) => mutants.filter((m) => m.status === status).length;
  const killed = count('killed');
  const survived = count('survived');
  return {
    mutants: mutants.length,
    killed,
    survived,
    equivalent: count('equivalent'),
    invalid: count('invalid'),
    score: killed + survived === 0 ? null : killed / (killed + survived),
  };
}

/** D1, then properties by family and number (M1 … M8, O1 … O5), then anything else (`error`). */
function checkColumns(mutants: readonly ReportedMutant[]): string[] {
  const ids = new Set(mutants.flatMap((m) => m.violations ?? []));
  const rank = (id: string) => (id === 'D1' ? 0 : /^M\d+$/.test(id) ? 1 : /^O\d+$/.test(id) ? 2 : 3);
  return [...ids].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }));
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}
