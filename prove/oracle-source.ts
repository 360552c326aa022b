import { CliflessError } from '../fuzz/errors.ts';

/**
 * The oracle's source as the SMTChecker sees it: the text of contracts/SlowOracle.sol with
 * 1. `_questions` internal instead of private, and the state-changing functions public instead of
 *    external, so a harness contract can read a question and call them (visibility only);
 * 2. every storage pointer inlined: `Question storage q = _questions[indexId][timestamp];` is
 *    dropped and each `q.` reads `_questions[indexId][timestamp].` directly (the same for the
 *    `AnswerInfo storage` locals and the `Question storage q` parameters of the private helpers).
 *
 * Why 2: the checker does not model aliasing, so it forgets everything it knew about every mapping
 * as soon as a storage pointer is assigned; in the oracle as written every function starts that
 * way, and every assert about it fails or stays unknown. Reading through the mapping each time is
 * the same storage access, so the behaviour is unchanged; test/prove/oracle-source.test.ts runs
 * the differential fuzzer on this text to show it.
 *
 * 3. every `if (c) revert E(args);` written `require(!(c), E(args));` (see {@link requireForRevert}).
 *
 * Each step throws if the oracle's text no longer has the shape it expects, so an edit to the
 * contract that this rewrite would miss stops `cliffless prove` instead of checking stale code.
 */

/** The functions the harness wraps: their visibility becomes public. */
export const WRAPPED_FUNCTIONS = [
  'propose',
  'finalize',
  'requestArbitration',
  'arbitrate',
  'cancelArbitration',
] as const;

const QUESTION = '_questions[indexId][timestamp]';

export function oracleSourceForChecker(source: string): string {
  let text = replaceOnce(
    source,
    'mapping(bytes32 indexId => mapping(uint256 timestamp => Question)) private _questions;',
    'mapping(bytes32 indexId => mapping(uint256 timestamp => Question)) internal _questions;',
  );
  for (const name of WRAPPED_FUNCTIONS) {
    const signature = new RegExp(`(function ${name}\\([^)]*\\)) external\\b`);
    if (!signature.test(text)) throw shapeError(`an external function ${name}(...)`);
    text = text.replace(signature, '$1 public');
  }
  text = replaceOnce(
    text,
    'function _closesAt(Question storage q)',
    'function _closesAt(bytes32 indexId, uint256 timestamp)',
  );
  text = replaceOnce(
    text,
    'function _finalize(Question storage q, bytes32 indexId,',
    'function _finalize(bytes32 indexId,',
  );
  text = replaceAll(text, '_closesAt(q)', '_closesAt(indexId, timestamp)');
  text = replaceAll(text, '_finalize(q, ', '_finalize(');
  text = replaceAll(text, `        Question storage q = ${QUESTION};\n`, '');
  if (/\bQuestion storage\b/.test(text)) throw shapeError('no Question storage pointer besides the ones inlined');
  text = text.replace(/\bq\./g, `${QUESTION}.`);
  // `AnswerInfo storage last = <expr>;` — drop it and read <expr> wherever `last.` was read, up to the
  // end of the function it is declared in.
  const answerPointer = /^( *)AnswerInfo storage (\w+) = ([^;]+);\n/m;
  for (let match = answerPointer.exec(text); match !== null; match = answerPointer.exec(text)) {
    const [declaration, , name, expression] = match as unknown as [string, string, string, string];
    const start = match.index;
    const end = endOfFunction(text, start);
    const body = text
      .slice(start + declaration.length, end)
      .replace(new RegExp(`\\b${name}\\.`, 'g'), `${expression}.`);
    text = text.slice(0, start) + body + text.slice(end);
  }
  if (/\bstorage\s+\w+\s*=/.test(text)) throw shapeError('no storage pointer left after inlining');
  return requireForRevert(text);
}

/**
 * `if (c) revert E(args);` (one line, or braced over three) as `require(!(c), E(args));`: the same
 * check and the same revert data. solc 0.8.37's SMTChecker mis-models `revert E(args)` with a custom
 * error (both engines let the path run on past it, so every property after it fails), while it
 * models `require(c, E(args))` correctly.
 */
export function requireForRevert(text: string): string {
  const braced = /if \(([^\n]*)\) \{\n\s*revert (\w+\([^;\n]*\));\n\s*\}/g;
  const inline = /if \(([^\n]*)\) revert (\w+\([^;\n]*\));/g;
  const rewritten = text.replace(braced, 'require(!($1), $2);').replace(inline, 'require(!($1), $2);');
  if (/\brevert\s+\w+\(/.test(rewritten))
    throw shapeError('every custom-error revert in the form `if (c) revert E(...);`');
  return rewritten;
}

function shapeError(what: string): CliflessError {
  return new CliflessError(
    `contracts/SlowOracle.sol no longer has the shape cliffless prove rewrites: expected ${what}`,
  );
}

function replaceOnce(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw shapeError(`exactly one "${from}"`);
  return parts.join(to);
}

function replaceAll(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw shapeError(`"${from.trim()}"`);
  return text.replaceAll(from, to);
}

/** The index just past the closing brace of the function body that contains `index`. */
function endOfFunction(text: string, index: number): number {
  const start = text.lastIndexOf('\n    function ', index);
  let depth = 0;
  for (let i = text.indexOf('{', start); i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  throw shapeError('balanced braces');
}
