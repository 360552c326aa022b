import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileContracts, PROJECT_ROOT } from '../compile/index.ts';
import { CliflessError } from '../errors.ts';
import { type AstNode, isNode, type VisitedNode, walk } from './ast.ts';
import { arithmetic, constant, logical, relational, relationalBoundary, roundingFlip } from './expression-operators.ts';
import { MUTATION_OPERATORS, type Mutant, type MutationSite } from './mutant.ts';
import { mathImportName, type SiteContext } from './site-context.ts';
import { lineAt, sliceBytes, spliceBytes } from './splice.ts';
import { deleteGuard, deleteStatement, negateCondition } from './statement-operators.ts';

/** Every operator, run on every node of a file. */
const OPERATORS: readonly ((visited: VisitedNode, context: SiteContext) => MutationSite[])[] = [
  arithmetic,
  relational,
  relationalBoundary,
  logical,
  negateCondition,
  deleteGuard,
  deleteStatement,
  roundingFlip,
  constant,
];

/** Which files to mutate; see {@link generateMutants}. */
export interface GenerateOptions {
  /** Contracts folder (default `<repo>/contracts`). */
  contractsDir?: string;
  /** Source unit names (`contracts/SplitMarket.sol`) or paths under the contracts folder (`SplitMarket.sol`). Default: every deployable file. */
  files?: string[];
}

/**
 * The mutants of the deployable contracts (every `.sol` under the contracts folder but
 * `interfaces/` and `test-mocks/`), found on solc's AST of the compiled contracts: for each file in
 * name order, each site in source order, each operator in {@link MUTATION_OPERATORS} order. Two
 * mutants with the same text are one. Same contracts, same mutants, ids and order.
 *
 * @throws {CompileError} when the contracts themselves do not compile.
 * @throws {CliflessError} for a missing folder or a file that is not a deployable unit.
 */
export function generateMutants(options: GenerateOptions = {}): Mutant[] {
  const contractsDir = resolve(options.contractsDir ?? join(PROJECT_ROOT, 'contracts'));
  if (!existsSync(contractsDir) || !statSync(contractsDir).isDirectory()) {
    throw new CliflessError(`contracts folder ${contractsDir} does not exist`);
  }
  const { artifacts } = compileContracts({ contractsDir });
  const deployable = Object.keys(artifacts.sources).filter(isDeployableUnit).sort();
  const files = options.files === undefined ? deployable : options.files.map((f) => unitName(f, deployable));
  return files.flatMap((file) => {
    const unit = artifacts.sources[file];
    if (unit === undefined || !isNode(unit.ast)) return [];
    return mutantsOfFile(file, unit.content, unit.ast);
  });
}

/** A contract source the world deploys: under contracts/, not an interface, not a test mock. */
export function isDeployableUnit(unit: string): boolean {
  return (
    unit.startsWith('contracts/') &&
    !unit.startsWith('contracts/interfaces/') &&
    !unit.startsWith('contracts/test-mocks/')
  );
}

function unitName(file: string, deployable: string[]): string {
  const unit = file.startsWith('contracts/') ? file : `contracts/${file.replace(/^\.?\//, '')}`;
  if (!deployable.includes(unit)) {
    throw new CliflessError(`${file} is not a deployable contract source`, {
      details: `Mutable files: ${deployable.join(', ')}.`,
    });
  }
  return unit;
}

/** Every mutant of one file, with ids `<path under contracts/>:<line>:<operator>:<n>`. */
export function mutantsOfFile(file: string, content: string, ast: AstNode): Mutant[] {
  const bytes = Buffer.from(content, 'utf8');
  const context: SiteContext = { bytes, mathName: mathImportName(ast) };
  const sites = walk(ast).flatMap((visited) => OPERATORS.flatMap((operator) => operator(visited, context)));
  // Stable sort: source order, then operator order; equal keys keep the walk's order.
  const rank = (site: MutationSite) => MUTATION_OPERATORS.indexOf(site.operator);
  sites.sort((a, b) => a.start - b.start || rank(a) - rank(b));
  const seen = new Set<string>([content]);
  const counters = new Map<string, number>();
  const shortName = file.slice('contracts/'.length);
  const mutants: Mutant[] = [];
  for (const site of sites) {
    const source = spliceBytes(bytes, site.start, site.length, site.replacement);
    if (seen.has(source)) continue;
    seen.add(source);
    const line = lineAt(bytes, site.start);
    const key = `${shortName}:${line}:${site.operator}`;
    const n = counters.get(key) ?? 0;
    counters.set(key, n + 1);
    mutants.push({
      id: `${key}:${n}`,
      file,
      line,
      operator: site.operator,
      original: sliceBytes(bytes, site.start, site.length),
      replacement: site.replacement,
      source,
    });
  }
  return mutants;
}
