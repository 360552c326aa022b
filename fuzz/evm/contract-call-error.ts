/**
 * A call the harness makes for itself (a view, `payoutOf`, a metadata read, an observation through
 * the views) that the contract answered unexpectedly: a revert, a halt such as out-of-gas, or return
 * data that is empty or does not decode. The contracts under test may misbehave in any way, so this
 * is a finding about them, never a crash of the tool: the runner reports it as a failure of the
 * property (or of D1) at the step that made the call, which is shrunk and written like any other.
 */
export class ContractCallError extends Error {
  override name = 'ContractCallError';
  constructor(
    /** The call, e.g. `payoutOf(2500e18, 2^256 - 1, 1, 1) on SplitMarket`. */
    readonly call: string,
    /** What came back instead of a value: `reverted with Panic(17)`, `returned 0x (empty)`. */
    readonly reason: string,
  ) {
    super(`${call} ${reason}`);
  }
}
