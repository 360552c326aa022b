import { bytesToHex, type Hex } from 'viem';
import type { Artifacts } from '../compile/artifacts.ts';
import { getArtifact } from '../compile/artifacts.ts';
import { encodeCall, type FunctionCodec, functionCodec } from './codec.ts';

/** Every function the host calls, prepared once per host. */
export interface Codecs {
  createSeries: FunctionCodec;
  split: FunctionCodec;
  merge: FunctionCodec;
  settle: FunctionCodec;
  redeem: FunctionCodec;
  series: FunctionCodec;
  transfer: FunctionCodec;
  approve: FunctionCodec;
  transferFrom: FunctionCodec;
  mint: FunctionCodec;
  balanceOf: FunctionCodec;
  allowance: FunctionCodec;
  totalSupply: FunctionCodec;
  name: FunctionCodec;
  symbol: FunctionCodec;
  decimals: FunctionCodec;
  /** ClaimToken.market(). */
  claimMarket: FunctionCodec;
  /** ClaimToken.mint(to, amount) and burn(from, amount): onlyMarket. */
  claimMint: FunctionCodec;
  claimBurn: FunctionCodec;
  arm: FunctionCodec;
  disarm: FunctionCodec;
  /** PausableToken.setPaused(bool). */
  setPaused: FunctionCodec;
  /** BlockListToken.setBlocked(address, bool). */
  setBlocked: FunctionCodec;
  /** RebasingToken.rebase(uint256). */
  rebase: FunctionCodec;
  /** UpgradableToken.upgradeTo(uint256). */
  upgradeTo: FunctionCodec;
  propose: FunctionCodec;
  finalize: FunctionCodec;
  requestArbitration: FunctionCodec;
  arbitrate: FunctionCodec;
  cancelArbitration: FunctionCodec;
  withdraw: FunctionCodec;
  question: FunctionCodec;
  /** IPriceOracle.finalValue(indexId, timestamp) on the SlowOracle. */
  finalValue: FunctionCodec;
  seriesIdOf: FunctionCodec;
  answerAt: FunctionCodec;
  credits: FunctionCodec;
  bondToken: FunctionCodec;
  minBond: FunctionCodec;
  liveness: FunctionCodec;
  arbitrationTimeout: FunctionCodec;
  arbitrator: FunctionCodec;
  /** `abi.encodeCall(ISplitMarket.settle, (bytes32(0)))`: what an armed CallbackToken calls back with. */
  settleZeroCalldata: Hex;
}

/** Prepares the codecs from the compiled SplitMarket, SlowOracle, MockERC20 and CallbackToken. */
export function buildCodecs(artifacts: Artifacts): Codecs {
  const market = getArtifact(artifacts, 'SplitMarket').abi;
  const oracle = getArtifact(artifacts, 'SlowOracle').abi;
  const token = getArtifact(artifacts, 'MockERC20').abi;
  const callback = getArtifact(artifacts, 'CallbackToken').abi;
  const pausable = getArtifact(artifacts, 'PausableToken').abi;
  const blockList = getArtifact(artifacts, 'BlockListToken').abi;
  const rebasing = getArtifact(artifacts, 'RebasingToken').abi;
  const upgradable = getArtifact(artifacts, 'UpgradableToken').abi;
  const claim = getArtifact(artifacts, 'ClaimToken').abi;
  const settle = functionCodec(market, 'settle');
  const zero = `0x${'00'.repeat(32)}`;
  const settleZero = encodeCall(settle, [zero]);
  return {
    createSeries: functionCodec(market, 'createSeries'),
    split: functionCodec(market, 'split'),
    merge: functionCodec(market, 'merge'),
    settle,
    redeem: functionCodec(market, 'redeem'),
    series: functionCodec(market, 'series'),
    transfer: functionCodec(token, 'transfer'),
    approve: functionCodec(token, 'approve'),
    transferFrom: functionCodec(token, 'transferFrom'),
    mint: functionCodec(token, 'mint'),
    balanceOf: functionCodec(token, 'balanceOf'),
    allowance: functionCodec(token, 'allowance'),
    totalSupply: functionCodec(token, 'totalSupply'),
    name: functionCodec(token, 'name'),
    symbol: functionCodec(token, 'symbol'),
    decimals: functionCodec(token, 'decimals'),
    claimMarket: functionCodec(claim, 'market'),
    claimMint: functionCodec(claim, 'mint'),
    claimBurn: functionCodec(claim, 'burn'),
    arm: functionCodec(callback, 'arm'),
    disarm: functionCodec(callback, 'disarm'),
    setPaused: functionCodec(pausable, 'setPaused'),
    setBlocked: functionCodec(blockList, 'setBlocked'),
    rebase: functionCodec(rebasing, 'rebase'),
    upgradeTo: functionCodec(upgradable, 'upgradeTo'),
    propose: functionCodec(oracle, 'propose'),
    finalize: functionCodec(oracle, 'finalize'),
    requestArbitration: functionCodec(oracle, 'requestArbitration'),
    arbitrate: functionCodec(oracle, 'arbitrate'),
    cancelArbitration: functionCodec(oracle, 'cancelArbitration'),
    withdraw: functionCodec(oracle, 'withdraw'),
    question: functionCodec(oracle, 'question'),
    finalValue: functionCodec(oracle, 'finalValue'),
    seriesIdOf: functionCodec(market, 'seriesIdOf'),
    answerAt: functionCodec(oracle, 'answerAt'),
    credits: functionCodec(oracle, 'credits'),
    bondToken: functionCodec(oracle, 'bondToken'),
    minBond: functionCodec(oracle, 'minBond'),
    liveness: functionCodec(oracle, 'liveness'),
    arbitrationTimeout: functionCodec(oracle, 'arbitrationTimeout'),
    arbitrator: functionCodec(oracle, 'arbitrator'),
    settleZeroCalldata: bytesToHex(settleZero),
  };
}
