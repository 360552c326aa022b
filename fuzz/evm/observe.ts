import type { ObservedState, QuestionState, SeriesState, TokenState } from '../../properties/observed-state.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import type { EvmHost } from './host.ts';

/**
 * The observed state (properties/observed-state.ts) read straight from the EVM's storage, with
 * the same keys in the same order as the model's `observe`: observed accounts are setup.actors,
 * the market and the oracle; tokens are the setup tokens then every claim token in creation
 * order, balances and allowances of every observed account zeros included; series in creation
 * order; questions with at least one answer; credits of every observed account; flows of every
 * token. Synchronous and call-free: it reads storage slots through the layouts, so it is cheap
 * enough to run after every step.
 */
export function observe(host: EvmHost): ObservedState {
  const { reader, observed, tracked, setup } = host;
  const tokens: Record<Address, TokenState> = {};
  for (const token of tracked.tokens) {
    const slots = host.tokenSlots.get(token);
    if (slots === undefined) throw new Error(`observe: no storage layout known for token ${token}`);
    const balances: Record<Address, bigint> = {};
    const allowances: Record<Address, Record<Address, bigint>> = {};
    for (const owner of observed) {
      balances[owner] = reader.balanceOf(token, slots, owner);
      const row: Record<Address, bigint> = {};
      for (const spender of observed) row[spender] = reader.allowance(token, slots, owner, spender);
      allowances[owner] = row;
    }
    tokens[token] = { totalSupply: reader.totalSupply(token, slots), balances, allowances };
  }
  const series: Record<Bytes32, SeriesState> = {};
  for (const id of tracked.series) series[id] = reader.series(setup.market, id);
  const oracle = setup.oracle.address;
  const questions: Record<string, QuestionState> = {};
  for (const q of tracked.questions) questions[q.key] = reader.question(oracle, q.indexId, q.timestamp);
  const credits: Record<Address, bigint> = {};
  for (const account of observed) credits[account] = reader.credit(oracle, account);
  const flows: Record<Address, { paidIn: bigint; paidOut: bigint }> = {};
  for (const [token, flow] of tracked.flows) flows[token] = { paidIn: flow.paidIn, paidOut: flow.paidOut };
  return {
    timestamp: host.chain.block.header.timestamp,
    market: setup.market,
    oracle,
    tokens,
    series,
    oracleState: { ...host.oracleConfig, questions, credits },
    flows,
  };
}
