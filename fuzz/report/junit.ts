import { XMLBuilder } from 'fast-xml-parser';

/**
 * JUnit XML, the test report every CI system reads (GitHub's test reporters, GitLab, Jenkins): one
 * `<testsuite>` per command run, one `<testcase>` per thing that passed or failed. The shape is the
 * one the Jenkins/Ant `junit-10.xsd` accepts (the tests validate every report against it).
 */

/** A failed test case: a one-line message, a type (the property id or difference kind), details. */
export interface JUnitFailure {
  message: string;
  type: string;
  /** Free text: both sides' values, the trace's path and the command that replays it. */
  details: string;
}

/** One `<testcase>`. */
export interface JUnitCase {
  name: string;
  classname: string;
  /** Seconds, when known. */
  time?: number;
  /** Name/value pairs shown with the case (checks, violations, the trace's path). */
  properties?: readonly (readonly [string, string])[];
  failure?: JUnitFailure;
  /** Set for a case that did not run or was deliberately not counted (an allowed difference). */
  skipped?: string;
}

/** One `<testsuite>`. */
export interface JUnitSuite {
  name: string;
  time?: number;
  properties?: readonly (readonly [string, string])[];
  cases: readonly JUnitCase[];
}

/**
 * Renders suites as one JUnit XML document (`<testsuites>` with totals).
 *
 * @example
 * renderJUnit([{ name: 'cliffless replay', cases: [{ name: 'a.json', classname: 'replay' }] }]);
 */
export function renderJUnit(suites: readonly JUnitSuite[]): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  const count = (pick: (c: JUnitCase) => boolean) => suites.reduce((n, s) => n + s.cases.filter(pick).length, 0);
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'cliffless',
      '@_tests': String(count(() => true)),
      '@_failures': String(count((c) => c.failure !== undefined)),
      '@_errors': '0',
      ...timeAttribute(suites.reduce((t, s) => t + (s.time ?? 0), 0)),
      testsuite: suites.map(suiteNode),
    },
  };
  return `${builder.build(document)}`;
}

function suiteNode(suite: JUnitSuite): object {
  return {
    '@_name': clean(suite.name),
    '@_tests': String(suite.cases.length),
    '@_failures': String(suite.cases.filter((c) => c.failure !== undefined).length),
    '@_errors': '0',
    '@_skipped': String(suite.cases.filter((c) => c.skipped !== undefined).length),
    ...timeAttribute(suite.time),
    ...(suite.properties === undefined || suite.properties.length === 0
      ? {}
      : { properties: propertiesNode(suite.properties) }),
    testcase: suite.cases.map(caseNode),
  };
}

function caseNode(c: JUnitCase): object {
  return {
    '@_name': clean(c.name),
    '@_classname': clean(c.classname),
    ...timeAttribute(c.time),
    ...(c.failure === undefined
      ? {}
      : {
          failure: {
            '@_message': clean(c.failure.message).replace(/\s*\n\s*/g, ' '),
            '@_type': clean(c.failure.type),
            '#text': clean(c.failure.details),
          },
        }),
    ...(c.skipped === undefined ? {} : { skipped: { '@_message': clean(c.skipped) } }),
    // The case's numbers go to system-out: junit-10.xsd has no <properties> inside a <testcase>.
    ...(c.properties === undefined || c.properties.length === 0
      ? {}
      : { 'system-out': c.properties.map(([k, v]) => `${k}: ${clean(v)}`).join('\n') }),
  };
}

function propertiesNode(pairs: readonly (readonly [string, string])[]): object {
  return { property: pairs.map(([name, value]) => ({ '@_name': clean(name), '@_value': clean(value) })) };
}

function timeAttribute(seconds: number | undefined): object {
  return seconds === undefined ? {} : { '@_time': seconds.toFixed(3) };
}

/** XML 1.0 cannot carry most control characters, even escaped: they are dropped. */
function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}
