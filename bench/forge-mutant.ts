/**
 * The forge side of `bench:mutants`: a throw-away foundry project holding the mutated contracts
 * and the invariant suite, built once (compile time measured apart), then one time-budgeted
 * invariant campaign with a fixed seed that checks every property after every call.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { undoOnInterrupt } from '../fuzz/cli/kit/sigint.ts';
import { PROJECT_ROOT } from '../fuzz/compile/index.ts';
import {
  ALL_INVARIANTS_CONTRACT,
  ALL_INVARIANTS_FUNCTION,
  allInvariantsSource,
  suiteInvariants,
} from './forge-all-invariants.ts';
import { type ForgeTestResult, parseForgeTest } from './forge-output.ts';
import { runProcess } from './process.ts';

/** What the forge side needs of a mutant (fuzz/mutate's Mutant has these and more). */
export interface MutatedFile {
  id: string;
  /** Source unit name of the mutated file, e.g. `contracts/SplitMarket.sol`. */
  file: string;
  /** The whole mutated file. */
  source: string;
}

/** One forge campaign's bounds. */
export interface ForgeBudget {
  seed: number;
  /** The time budget, whole seconds. With it, forge runs until the time is up and ignores `runs`. */
  timeSeconds?: number;
  /** Runs, when no time budget is given. */
  runs: number;
  /** Calls per run (the shipped suite uses 64). */
  depth: number;
}

/** What forge made of one mutant. */
export interface ForgeOutcome {
  id: string;
  /** invalid: the mutant does not compile. */
  status: 'killed' | 'survived' | 'invalid';
  killedBy?: string;
  detail?: string;
  /** forge's duration of the campaign until it failed (shrinking is off), compilation excluded. */
  secondsToKill?: number;
  /** forge's duration of the whole campaign (killed or not). */
  campaignSeconds?: number;
  /** Wall time of the `forge test` process on the prebuilt project: an upper bound on the above. */
  testWallSeconds?: number;
  runs?: number;
  calls?: number;
  /** Wall time of `forge build` (solc-js through bin/solc: every source, tests included). */
  compileSeconds: number;
  /** Wall time for the mutant, project setup and clean-up included. */
  seconds: number;
}

const SUITE_DIR = join('test', 'forge', 'invariant');
const TEST_FILE = join(SUITE_DIR, `${ALL_INVARIANTS_CONTRACT}.t.sol`);
/** Guard on top of the budget for a hung forge; compile gets its own generous limit. */
const BUILD_LIMIT_SECONDS = 900;
const TEST_SLACK_SECONDS = 300;

/**
 * The repo's foundry.toml with every path made absolute (solc, libs, remappings), so a project in
 * a temporary folder compiles with the same compiler, settings and libraries. Throws if a path it
 * must rewrite is not where it expects it, rather than build against something else.
 */
export function portableFoundryToml(toml: string, root: string): string {
  let solcRewrites = 0;
  let moduleRewrites = 0;
  const out = toml
    .replace(/^(solc\s*=\s*")([^"]+)(")/m, (_all, before: string, path: string, after: string) => {
      solcRewrites++;
      return `${before}${isAbsolute(path) ? path : join(root, path)}${after}`;
    })
    .replace(/(["=])(node_modules\/?)/g, (_all, before: string, dir: string) => {
      moduleRewrites++;
      return `${before}${join(root, 'node_modules')}${dir.endsWith('/') ? '/' : ''}`;
    });
  if (solcRewrites !== 1) throw new Error('foundry.toml: no `solc = "..."` line to point at the repo\'s bin/solc');
  if (moduleRewrites === 0)
    throw new Error('foundry.toml: no node_modules path in libs or remappings to make absolute');
  return out;
}

/** Where a mutant's file goes in the project, refusing anything outside its contracts/ folder. */
function mutantPath(projectDir: string, file: string): string {
  const target = resolve(projectDir, normalize(file));
  if (!file.startsWith('contracts/') || !target.startsWith(join(projectDir, 'contracts') + sep)) {
    throw new Error(`mutant file "${file}" is not a source unit under contracts/`);
  }
  return target;
}

/**
 * Writes the project: foundry.toml, the contracts (from `contractsDir`) with the mutant's file
 * replaced, the invariant suite without the Broken* tests (they embed their own market copy and
 * are skipped by design), and the generated combined test. Returns the project folder.
 */
export function writeForgeProject(mutant: MutatedFile, contractsDir: string, projectDir: string): void {
  const root = PROJECT_ROOT;
  writeFileSync(
    join(projectDir, 'foundry.toml'),
    portableFoundryToml(readFileSync(join(root, 'foundry.toml'), 'utf8'), root),
  );
  cpSync(contractsDir, join(projectDir, 'contracts'), { recursive: true });
  writeFileSync(mutantPath(projectDir, mutant.file), mutant.source);
  const suite = join(root, SUITE_DIR);
  mkdirSync(join(projectDir, SUITE_DIR), { recursive: true });
  cpSync(suite, join(projectDir, SUITE_DIR), {
    recursive: true,
    filter: (from) => !/^broken$|^Broken/i.test(basename(from)) || from === suite,
  });
  const invariants = suiteInvariants(readFileSync(join(suite, 'ProtocolInvariants.t.sol'), 'utf8'));
  writeFileSync(join(projectDir, TEST_FILE), allInvariantsSource(invariants));
}

/** forge's environment: ours, minus any FOUNDRY_* setting of the caller, plus the project's. */
function forgeEnv(projectDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('FOUNDRY_')) env[key] = value;
  return {
    ...env,
    FOUNDRY_PROFILE: 'default',
    FOUNDRY_OUT: join(projectDir, 'out'),
    FOUNDRY_CACHE_PATH: join(projectDir, 'cache'),
    ...extra,
  };
}

/**
 * The forge binary itself when npm installed it for this platform: the npm wrapper
 * (node_modules/.bin/forge) exits 0 whatever forge returns, so its exit code says nothing. The
 * wrapper is the fallback; success is judged from forge's output and artifacts either way.
 */
function forgeBinary(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  const native = join(PROJECT_ROOT, 'node_modules', '@foundry-rs', `forge-${process.platform}-${arch}`, 'bin', 'forge');
  return existsSync(native) ? native : join(PROJECT_ROOT, 'node_modules', '.bin', 'forge');
}
const FORGE = forgeBinary();

/** The first compiler error in `forge build`'s output, with its location, for a table cell. */
export function buildError(output: string): string {
  const error = /(Error \(\d+\): [^\n]*)(?:\n[^\n]*?-->\s*([^\n]+))?/.exec(output);
  if (error === null) return output.trim().split('\n').slice(-3).join(' ');
  return error[2] === undefined ? (error[1] as string) : `${error[1]} at ${error[2].trim()}`;
}

/**
 * Builds the mutant's project and runs the combined invariant once on one thread. Shrinking is
 * off (time-to-kill excludes it, as on the harness side) and failures are persisted inside the
 * project, so no run replays another's counterexample. The project is deleted afterwards unless
 * `keep` is set.
 */
export async function runForgeOnMutant(
  mutant: MutatedFile,
  budget: ForgeBudget,
  options: { contractsDir?: string; keep?: boolean } = {},
): Promise<ForgeOutcome> {
  const start = performance.now();
  const projectDir = mkdtempSync(join(tmpdir(), 'cliffless-forge-mutant-'));
  const forget = undoOnInterrupt(() => rmSync(projectDir, { recursive: true, force: true }));
  const elapsed = () => (performance.now() - start) / 1000;
  try {
    writeForgeProject(mutant, options.contractsDir ?? join(PROJECT_ROOT, 'contracts'), projectDir);
    const build = await runProcess(FORGE, ['build', '--root', projectDir, '--offline'], {
      cwd: projectDir,
      env: forgeEnv(projectDir, {}),
      limitSeconds: BUILD_LIMIT_SECONDS,
    });
    const compileSeconds = build.wallSeconds;
    if (build.timedOut) throw new Error(`forge build of mutant ${mutant.id} ran past ${BUILD_LIMIT_SECONDS}s`);
    const artifact = join(projectDir, 'out', basename(TEST_FILE), `${ALL_INVARIANTS_CONTRACT}.json`);
    if (build.code !== 0 || /Compiler run failed/.test(build.stderr + build.stdout) || !existsSync(artifact)) {
      return {
        id: mutant.id,
        status: 'invalid',
        detail: buildError(`${build.stderr}\n${build.stdout}`),
        compileSeconds,
        seconds: elapsed(),
      };
    }
    const test = await runProcess(
      FORGE,
      [
        'test',
        '--root',
        projectDir,
        '--offline',
        // Unanchored on purpose: forge matches these against more than the bare name. Both names
        // are unique in the project.
        '--match-contract',
        ALL_INVARIANTS_CONTRACT,
        '--match-test',
        ALL_INVARIANTS_FUNCTION,
        '--threads',
        '1',
        '--fuzz-seed',
        String(budget.seed),
        '--json',
      ],
      {
        cwd: projectDir,
        env: forgeEnv(projectDir, {
          ...(budget.timeSeconds === undefined ? {} : { FOUNDRY_INVARIANT_TIMEOUT: String(budget.timeSeconds) }),
          FOUNDRY_INVARIANT_RUNS: String(budget.runs),
          FOUNDRY_INVARIANT_DEPTH: String(budget.depth),
          FOUNDRY_INVARIANT_SHRINK_RUN_LIMIT: '0',
          FOUNDRY_INVARIANT_FAILURE_PERSIST_DIR: join(projectDir, 'cache', 'invariant'),
        }),
        limitSeconds: (budget.timeSeconds ?? 0) + TEST_SLACK_SECONDS,
      },
    );
    if (test.timedOut)
      throw new Error(`forge test of mutant ${mutant.id} ran past its budget by ${TEST_SLACK_SECONDS}s`);
    let result: ForgeTestResult;
    try {
      result = parseForgeTest(test.stdout, ALL_INVARIANTS_CONTRACT, ALL_INVARIANTS_FUNCTION);
    } catch (error) {
      throw new Error(
        `forge test of mutant ${mutant.id} (exit ${test.code}): ${(error as Error).message}\n${test.stderr.slice(-2000)}`,
      );
    }
    const killed = result.status === 'killed';
    return {
      id: mutant.id,
      status: result.status,
      ...(result.killedBy === undefined ? {} : { killedBy: result.killedBy }),
      ...(result.detail === undefined ? {} : { detail: result.detail }),
      ...(killed ? { secondsToKill: result.seconds } : {}),
      campaignSeconds: result.seconds,
      testWallSeconds: test.wallSeconds,
      ...(result.runs === undefined ? {} : { runs: result.runs, calls: result.calls }),
      compileSeconds,
      seconds: elapsed(),
    };
  } finally {
    forget();
    if (options.keep !== true) rmSync(projectDir, { recursive: true, force: true });
  }
}
