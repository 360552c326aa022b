import type { ObservedState, QuestionState, SeriesState, TokenState } from '../properties/observed-state.ts';
import type { Address, Bytes32 } from './primitives.ts';
import type { World } from './world.ts';

/**
 * The world as the properties see it (`properties/observed-state.ts`), as fresh plain data.
 * - observed accounts: setup.actors ∪ {market, oracle};
 * - `tokens`: every ERC-20 (setup tokens, then claim tokens in creation order), with balances of
 *   every observed account and allowances of every observed owner to every observed spender, zeros
 *   included;
 * - `series`: every created series; `oracleState.questions`: every question with ≥ 1 answer;
 *   `oracleState.credits`: every observed account, zeros included;
 * - `flows`: every token of `tokens` (including the bond token and claim tokens), where `paidIn` /
 *   `paidOut` sum the token's Transfer logs to / from the market since deployment, setup mints
 *   included (see flows.ts).
 */
export function observe(world: World): ObservedState {
  const { config, state } = world;
  const accounts = config.observed;
  const tokens: Record<Address, TokenState> = {};
  for (const [address, token] of state.tokens) {
    const balances: Record<Address, bigint> = {};
    const allowances: Record<Address, Record<Address, bigint>> = {};
    for (const owner of accounts) {
      balances[owner] = token.balances.get(owner) ?? 0n;
      const granted = token.allowances.get(owner);
      const row: Record<Address, bigint> = {};
      for (const spender of accounts) row[spender] = granted?.get(spender) ?? 0n;
      allowances[owner] = row;
    }
    tokens[address] = { totalSupply: token.totalSupply, balances, allowances };
  }
  const series: Record<Bytes32, SeriesState> = {};
  for (const [id, s] of state.series) series[id] = { ...s };
  const questions: Record<string, QuestionState> = {};
  for (const [key, q] of state.questions) questions[key] = { ...q, answers: q.answers.map((a) => ({ ...a })) };
  const credits: Record<Address, bigint> = {};
  for (const account of accounts) credits[account] = state.credits.get(account) ?? 0n;
  const flows: Record<Address, { paidIn: bigint; paidOut: bigint }> = {};
  for (const [token, flow] of state.flows) flows[token] = { paidIn: flow.paidIn, paidOut: flow.paidOut };

  const { address: oracle, ...oracleConfig } = config.oracle;
  return {
    timestamp: state.timestamp,
    market: config.market,
    oracle,
    tokens,
    series,
    oracleState: { ...oracleConfig, questions, credits },
    flows,
  };
}
