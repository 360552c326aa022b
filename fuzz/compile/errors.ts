import type { CompilerDiagnostic } from './artifacts.ts';

/**
 * solc rejected the sources. The message lists every error as solc formats it (type, message,
 * `--> file:line:col` and the offending line), so a CLI can print it as is and exit non-zero;
 * `diagnostics` holds the same errors as data.
 */
export class CompileError extends Error {
  override readonly name = 'CompileError';
  readonly diagnostics: CompilerDiagnostic[];

  constructor(diagnostics: CompilerDiagnostic[]) {
    const count = diagnostics.length;
    const body = diagnostics.map((d) => d.formattedMessage.trimEnd()).join('\n\n');
    super(`solc reported ${count} error${count === 1 ? '' : 's'}; fix the source and compile again:\n\n${body}`);
    this.diagnostics = diagnostics;
  }
}
