import { beforeAll, describe, expect, it } from 'vitest';
import { DEPLOYED_CONTRACT_FILES } from '../../fuzz/compile/contracts-folder.ts';
import { type Artifacts, compileContracts } from '../../fuzz/compile/index.ts';
import { deployWorld, deployWorldFromSetup, observe, observeViaCalls } from '../../fuzz/evm/index.ts';
import { ARTIFACT_OF } from '../../fuzz/evm/world.ts';

let artifacts: Artifacts;

beforeAll(() => {
  ({ artifacts } = compileContracts());
});

describe('deployWorld', () => {
  it('is deterministic: the same options give the same setup and the same state', async () => {
    const a = await deployWorld(artifacts);
    const b = await deployWorld(artifacts);
    expect(b.setup).toEqual(a.setup);
    expect(observe(b)).toEqual(observe(a));
    expect(a.setup.actors).toHaveLength(5);
    expect(a.setup.actors.at(-1)).toBe(a.setup.oracle.arbitrator);
    expect(a.setup.tokens.map((t) => `${t.kind}/${t.decimals}`)).toEqual([
      'plain/18',
      'plain/18',
      'plain/6',
      'noReturn/6',
      'feeOnTransfer/18',
      'callback/18',
      'returnsFalse/0',
      'zeroRevert/2',
      'approvalRace/24',
      'pausable/6',
      'blockList/18',
      'plain/255',
      'rawSymbol/18',
      'rawSymbol/18',
      'rawSymbol/8',
      'rawSymbol/18',
      'rebasing/18',
      'upgradable/6',
      'uint96/18',
      'zeroApprovalRevert/18',
      'selfTransferFrom/18',
      'multiEntry/18',
      'entryPoint/18',
      'permitFallback/18',
      'flashMint/18',
      'nativeCurrency/18',
    ]);
    expect(a.setup.oracle.bondToken).toBe(a.setup.tokens[0]?.address);
    expect(new Set([a.setup.market, a.setup.oracle.address, ...a.setup.tokens.map((t) => t.address)]).size).toBe(28);
  });

  it('declares the entry point with its ledger, funds only the ledger, and observes both alike', async () => {
    const host = await deployWorld(artifacts, { actorCount: 1 });
    const ledger = host.setup.tokens.find((t) => t.kind === 'multiEntry');
    const entry = host.setup.tokens.find((t) => t.kind === 'entryPoint');
    expect(entry?.ledger).toBe(ledger?.address);
    expect(host.setup.balances[entry?.address ?? '0x']).toBeUndefined();
    const state = observe(host);
    expect(state.ledgers).toEqual({ [ledger?.address ?? '0x']: [ledger?.address, entry?.address] });
    expect(state.tokens[entry?.address ?? '0x']).toEqual(state.tokens[ledger?.address ?? '0x']);
    expect(state.tokens[entry?.address ?? '0x']?.totalSupply).toBe(2_000_000n * 10n ** 18n);
    // The views through the entry point agree with the storage read through the ledger's layout.
    expect(await observeViaCalls(host)).toEqual(state);
  });

  it('follows its options', async () => {
    const host = await deployWorld(artifacts, {
      actorCount: 2,
      timestamp: 5_000n,
      minBond: 7n,
      liveness: 60n,
      arbitrationTimeout: 120n,
      startingUnits: 3n,
    });
    expect(host.setup.actors).toHaveLength(3);
    expect(host.setup.timestamp).toBe(5_000n);
    expect(observe(host).timestamp).toBe(5_000n);
    expect(host.oracleConfig).toMatchObject({ minBond: 7n, liveness: 60n, arbitrationTimeout: 120n });
    const usdc = host.setup.tokens[2];
    expect(host.setup.balances[usdc?.address ?? '0x']?.[host.setup.actors[0] ?? '0x']).toBe(3_000_000n);
  });

  it('rebuilds a setup from a trace, and rejects one whose addresses it cannot reproduce', async () => {
    const original = await deployWorld(artifacts, { actorCount: 1 });
    const rebuilt = await deployWorldFromSetup(artifacts, original.setup);
    expect(rebuilt.setup).toEqual(original.setup);
    expect(observe(rebuilt)).toEqual(observe(original));
    const tampered = { ...original.setup, market: '0x00000000000000000000000000000000000000aa' as const };
    await expect(deployWorldFromSetup(artifacts, tampered)).rejects.toThrow(/setup\.market is 0x0+aa/);
  });

  it('is what every command requires of a contracts folder: each token kind’s mock is in the list', () => {
    const files: readonly string[] = DEPLOYED_CONTRACT_FILES;
    for (const name of Object.values(ARTIFACT_OF)) expect(files).toContain(`test-mocks/${name}.sol`);
  });
});
