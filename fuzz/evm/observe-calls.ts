import type {
  ObservedState,
  QuestionState,
  SeriesState,
  TokenMetadata,
  TokenState,
} from '../../properties/observed-state.ts';
import type { Address, Bytes32 } from '../../reference/primitives.ts';
import type { FunctionCodec } from './codec.ts';
import { ContractCallError } from './contract-call-error.ts';
import type { EvmHost } from './host.ts';
import { readMetadata } from './metadata.ts';
import { callView } from './view-call.ts';

/**
 * The same observed state as `observe`, but read through the contracts' public views
 * (`balanceOf`, `allowance`, `totalSupply`, `name`, `symbol`, `decimals`, `series`, `question`,
 * `answerAt`, `credits`), one
 * read-only call each. Slow — hundreds of calls — and meant as the ground truth that the direct
 * storage reader is tested against, or for debugging a mutant whose layout changed.
 */
export async function observeViaCalls(host: EvmHost): Promise<ObservedState> {
  const { codecs, observed, tracked, setup } = host;
  const view = async (to: Address, codec: FunctionCodec, args: readonly unknown[]) => {
    const result = await callView(host, to, codec, args);
    if (result.kind === 'returned') return result.values;
    const why =
      result.kind === 'reverted' ? `reverted with ${result.error}` : `returned undecodable data ${result.data}`;
    throw new ContractCallError(`view ${codec.name} on ${to}`, why);
  };
  const uint = async (to: Address, codec: FunctionCodec, args: readonly unknown[]) =>
    (await view(to, codec, args))[0] as bigint;

  const tokens: Record<Address, TokenState> = {};
  for (const token of tracked.tokens) {
    const balances: Record<Address, bigint> = {};
    const allowances: Record<Address, Record<Address, bigint>> = {};
    for (const owner of observed) {
      balances[owner] = await uint(token, codecs.balanceOf, [owner]);
      const row: Record<Address, bigint> = {};
      for (const spender of observed) row[spender] = await uint(token, codecs.allowance, [owner, spender]);
      allowances[owner] = row;
    }
    tokens[token] = { totalSupply: await uint(token, codecs.totalSupply, []), balances, allowances };
  }
  const metadata: Record<Address, TokenMetadata> = {};
  for (const token of tracked.tokens) metadata[token] = await readMetadata(host, token);

  const series: Record<Bytes32, SeriesState> = {};
  for (const id of tracked.series) {
    const [info] = (await view(setup.market, codecs.series, [id])) as [Record<string, unknown>];
    series[id] = {
      collateral: lower(info.collateral),
      oracle: lower(info.oracle),
      indexId: lower(info.indexId),
      strike: info.strike as bigint,
      expiry: info.expiry as bigint,
      pToken: lower(info.pToken),
      nToken: lower(info.nToken),
      locked: info.locked as bigint,
      settled: info.settled as boolean,
      settlementPrice: info.settlementPrice as bigint,
    };
  }

  const oracle = setup.oracle.address;
  const questions: Record<string, QuestionState> = {};
  for (const q of tracked.questions) {
    const [info] = (await view(oracle, codecs.question, [q.indexId, q.timestamp])) as [Record<string, unknown>];
    const answers: QuestionState['answers'] = [];
    for (let i = 0n; i < (info.answerCount as bigint); i++) {
      const [answer] = (await view(oracle, codecs.answerAt, [q.indexId, q.timestamp, i])) as [Record<string, unknown>];
      answers.push({ answerer: lower(answer.answerer), value: answer.value as bigint, bond: answer.bond as bigint });
    }
    questions[q.key] = {
      indexId: q.indexId,
      timestamp: q.timestamp,
      answers,
      lastAnswerAt: info.lastAnswerAt as bigint,
      arbitrationPending: info.arbitrationPending as boolean,
      arbitrationUsed: info.arbitrationUsed as boolean,
      arbitrationRequestedAt: info.arbitrationRequestedAt as bigint,
      finalized: info.finalized as boolean,
      finalValue: info.finalValue as bigint,
    };
  }
  const credits: Record<Address, bigint> = {};
  for (const account of observed) credits[account] = await uint(oracle, codecs.credits, [account]);

  const flows: Record<Address, { paidIn: bigint; paidOut: bigint }> = {};
  for (const [token, flow] of tracked.flows) flows[token] = { ...flow };
  return {
    timestamp: host.chain.block.header.timestamp,
    market: setup.market,
    oracle,
    tokens,
    ledgers: host.ledgers,
    metadata,
    series,
    oracleState: { ...host.oracleConfig, questions, credits },
    flows,
  };
}

function lower(value: unknown): `0x${string}` {
  return (value as string).toLowerCase() as `0x${string}`;
}
