/**
 * Compiling the contracts for the harness: pinned solc-js, foundry.toml's settings, a content-
 * addressed cache, and errors that name file and line.
 */
export type { Artifacts, CompilerDiagnostic, ContractArtifact, SourceArtifact, StorageLayout } from './artifacts.ts';
export { getArtifact } from './artifacts.ts';
export type { CompileOptions, CompileResult } from './compile.ts';
export { compileContracts, PROJECT_ROOT } from './compile.ts';
export { CompileError } from './errors.ts';
export { defaultSettings, REMAPPINGS, type SolcSettings } from './settings.ts';
