import { type ObservedState, type QuestionState, questionKey } from '../../properties/observed-state.ts';
import type { Violation } from '../../properties/violation.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import type { FunctionCodec } from './codec.ts';
import type { EvmHost } from './host.ts';
import { callView } from './view-call.ts';

/**
 * View conformance: the contracts' public views must report the state the harness observed from
 * storage, which D1 has just found equal to the model's. Campaigns read state straight from
 * storage (fast, and exact for D1), so without this a view that lies — `question()` with the wrong
 * last answer, `series()` with a stale field, `answerAt` past the end — would never be called.
 * Checked at the end of every run; each view costs one call, so the many-per-token views (balances,
 * allowances, credits) are sampled by `rotation`, while every series, question and claim token is
 * read whole. Violations are D1's: the expected value is the observed state's, the actual the view's.
 */
export async function checkViews(host: EvmHost, state: ObservedState, rotation: number): Promise<Violation[]> {
  const views = new ViewReader(host);
  const { codecs } = host;
  const market = state.market;
  const oracle = state.oracle;

  for (const [id, series] of Object.entries(state.series) as [Bytes32, ObservedState['series'][Bytes32]][]) {
    const [info = {}] = (await views.call(market, codecs.series, [id])) as [Record<string, unknown>?];
    for (const [field, expected] of Object.entries(series)) {
      views.expect(`series(${id}).${field}`, expected, normal(info[field]), { series: id });
    }
    const [derived] = await views.call(market, codecs.seriesIdOf, [
      series.collateral,
      series.oracle,
      series.indexId,
      series.strike,
      series.expiry,
    ]);
    views.expect(`seriesIdOf(series ${id})`, id, normal(derived), { series: id });
    for (const claim of [series.pToken, series.nToken]) {
      const [owner] = await views.call(claim, codecs.claimMarket, []);
      views.expect(`${claim}.market()`, market, normal(owner), { token: claim });
    }
    // A question nobody answered yet reads as all zeros (the branch of question() with no answers).
    if (state.oracleState.questions[questionKey(series.indexId, series.expiry)] === undefined) {
      await checkQuestion(views, host, oracle, series.indexId, series.expiry, undefined);
    }
  }

  for (const question of Object.values(state.oracleState.questions)) {
    await checkQuestion(views, host, oracle, question.indexId, question.timestamp, question);
  }

  const accounts = Object.keys(state.oracleState.credits) as Address[];
  const owed = accounts.filter((a) => (state.oracleState.credits[a] ?? 0n) > 0n);
  const sampled = accounts[rotation % accounts.length];
  for (const account of new Set([...owed, ...(sampled === undefined ? [] : [sampled])])) {
    const [credit] = await views.call(oracle, codecs.credits, [account]);
    views.expect(`credits(${account})`, state.oracleState.credits[account], credit, { account });
  }

  // One token per run, one holder and one (owner, spender) pair of it: the ERC-20 views are
  // OpenZeppelin's, but a token whose supply or balance view disagreed with storage would show here.
  const tokens = Object.keys(state.tokens) as Address[];
  const token = tokens[rotation % tokens.length];
  const observed = state.tokens[token as Address];
  if (token !== undefined && observed !== undefined) {
    const holders = Object.keys(observed.balances) as Address[];
    const holder = holders[Math.floor(rotation / tokens.length) % holders.length] as Address;
    const spender = holders[(Math.floor(rotation / tokens.length) + 1) % holders.length] as Address;
    const [supply] = await views.call(token, codecs.totalSupply, []);
    views.expect(`${token}.totalSupply()`, observed.totalSupply, supply, { token });
    const [balance] = await views.call(token, codecs.balanceOf, [holder]);
    views.expect(`${token}.balanceOf(${holder})`, observed.balances[holder], balance, { token, account: holder });
    const [allowance] = await views.call(token, codecs.allowance, [holder, spender]);
    views.expect(`${token}.allowance(${holder}, ${spender})`, observed.allowances[holder]?.[spender], allowance, {
      token,
      account: holder,
    });
  }
  return views.violations;
}

/** `question()`, `finalValue()` and every `answerAt` of one question, and `answerAt` one past the end. */
async function checkQuestion(
  views: ViewReader,
  host: EvmHost,
  oracle: Address,
  indexId: Bytes32,
  timestamp: bigint,
  question: QuestionState | undefined,
): Promise<void> {
  const { codecs } = host;
  const key = questionKey(indexId, timestamp);
  const answers = question?.answers ?? [];
  const last = answers[answers.length - 1];
  const [info = {}] = (await views.call(oracle, codecs.question, [indexId, timestamp])) as [Record<string, unknown>?];
  const expected: Record<string, unknown> = {
    answerCount: BigInt(answers.length),
    lastAnswerer: last?.answerer ?? '0x0000000000000000000000000000000000000000',
    lastValue: last?.value ?? 0n,
    lastBond: last?.bond ?? 0n,
    lastAnswerAt: question?.lastAnswerAt ?? 0n,
    arbitrationPending: question?.arbitrationPending ?? false,
    arbitrationUsed: question?.arbitrationUsed ?? false,
    arbitrationRequestedAt: question?.arbitrationRequestedAt ?? 0n,
    finalized: question?.finalized ?? false,
    finalValue: question?.finalValue ?? 0n,
  };
  for (const [field, value] of Object.entries(expected)) {
    views.expect(`question(${key}).${field}`, value, normal(info[field]), { question: key });
  }
  const [isFinal, value] = await views.call(oracle, codecs.finalValue, [indexId, timestamp]);
  views.expect(`finalValue(${key})`, `${expected.finalized} ${expected.finalValue}`, `${isFinal} ${value}`, {
    question: key,
  });
  for (const [i, answer] of answers.entries()) {
    const [got = {}] = (await views.call(oracle, codecs.answerAt, [indexId, timestamp, BigInt(i)])) as [
      Record<string, unknown>?,
    ];
    for (const field of ['answerer', 'value', 'bond'] as const) {
      views.expect(`answerAt(${key}, ${i}).${field}`, answer[field], normal(got[field]), { question: key });
    }
  }
  // One past the last answer is out of bounds: Panic(0x32), as the interface documents.
  const past = await callView(host, oracle, codecs.answerAt, [indexId, timestamp, BigInt(answers.length)]);
  const outcome = past.kind === 'reverted' ? past.error : 'returned';
  views.expect(`answerAt(${key}, ${answers.length})`, 'Panic(50)', outcome, { question: key });
}

/** Read-only calls with their results compared as they come, collecting D1 violations. */
class ViewReader {
  readonly violations: Violation[] = [];

  constructor(private readonly host: EvmHost) {}

  /** The decoded results of a view; a revert or undecodable data is a violation and reads as []. */
  async call(to: Address, codec: FunctionCodec, args: readonly unknown[]): Promise<readonly unknown[]> {
    const result = await callView(this.host, to, codec, args);
    if (result.kind === 'returned') return result.values;
    const what = `${codec.name}(${args.map(String).join(', ')}) on ${to}`;
    if (result.kind === 'reverted') this.fail(what, 'a value', result.error, {});
    else this.fail(what, 'ABI-encoded return data', result.data, {});
    return [];
  }

  expect(path: string, expected: unknown, actual: unknown, where: Partial<Violation>): void {
    if (expected === actual) return;
    this.fail(path, String(expected), String(actual), where);
  }

  private fail(path: string, expected: string, actual: string, where: Partial<Violation>): void {
    this.violations.push({
      id: 'D1',
      message: `view ${path} disagrees with the observed state`,
      expected,
      actual,
      path: `views.${path}`,
      ...where,
    });
  }
}

/** Addresses from the ABI decoder are checksummed; the observed state's are lowercase. */
function normal(value: unknown): unknown {
  return typeof value === 'string' && value.startsWith('0x') ? value.toLowerCase() : value;
}
