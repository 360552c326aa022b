import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import { marked, type Token, type Tokens } from 'marked';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * Every relative link in README.md and docs/*.md must resolve inside the repository: the file (or
 * folder) exists, and an anchor names a heading of the target page as GitHub slugs it. A fresh
 * clone must hold everything the docs point to, so a link that leaves the repository (such as
 * `../shared/`) is an error too.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The Markdown files whose links are checked, relative to `base`. */
function docFiles(base: string): string[] {
  const docs = join(base, 'docs');
  const pages = existsSync(docs)
    ? readdirSync(docs)
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => `docs/${name}`)
    : [];
  return ['README.md', ...pages].filter((file) => existsSync(join(base, file)));
}

/** The visible text of inline tokens, as GitHub sees a heading before slugging it. */
function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      const children = (token as { tokens?: Token[] }).tokens;
      if (children !== undefined && children.length > 0) return plainText(children);
      return 'text' in token && typeof token.text === 'string' ? token.text : '';
    })
    .join('');
}

/** The anchors GitHub gives a page's headings (duplicates get -1, -2, …), fenced code excluded. */
function anchorsOf(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type === 'heading') anchors.add(slugger.slug(plainText((token as Tokens.Heading).tokens)));
  });
  return anchors;
}

/** Every link and image target of a page, in order. */
function linksOf(markdown: string): string[] {
  const hrefs: string[] = [];
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type === 'link' || token.type === 'image') hrefs.push((token as Tokens.Link | Tokens.Image).href);
  });
  return hrefs;
}

/** What is wrong with each relative link of the pages under `base`, as `file: href: why`. */
function brokenLinks(base: string, pending: readonly string[] = []): string[] {
  const problems: string[] = [];
  const anchorCache = new Map<string, Set<string>>();
  const anchors = (file: string): Set<string> => {
    let found = anchorCache.get(file);
    if (found === undefined) {
      found = anchorsOf(readFileSync(file, 'utf8'));
      anchorCache.set(file, found);
    }
    return found;
  };
  for (const file of docFiles(base)) {
    const source = join(base, file);
    for (const href of linksOf(readFileSync(source, 'utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // https:, mailto: — not ours to check
      if (/(^|\/)\.\.\/shared(\/|$)/.test(href)) {
        problems.push(`${file}: ${href}: points to ../shared, which a clone of the repository does not have`);
        continue;
      }
      const [path = '', anchor] = href.split('#', 2);
      const target = path === '' ? source : resolve(dirname(source), decodeURI(path));
      const fromRoot = relative(base, target);
      if (fromRoot.startsWith(`..${sep}`) || fromRoot === '..') {
        problems.push(`${file}: ${href}: points outside the repository`);
        continue;
      }
      if (!existsSync(target)) {
        if (!pending.includes(fromRoot.split(sep).join('/')))
          problems.push(`${file}: ${href}: ${fromRoot} does not exist`);
        continue;
      }
      if (anchor === undefined || anchor === '') continue;
      if (statSync(target).isDirectory() || !target.endsWith('.md')) {
        problems.push(`${file}: ${href}: an anchor into ${fromRoot}, which is not a Markdown page`);
      } else if (!anchors(target).has(decodeURIComponent(anchor))) {
        problems.push(`${file}: ${href}: ${fromRoot} has no heading #${anchor}`);
      }
    }
  }
  return problems;
}

describe('documentation links', () => {
  const temps: string[] = [];
  afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of README.md and docs/ in a temp folder, with `edit` applied to one page. */
  function copyWith(page: string, edit: (text: string) => string): string {
    const copy = mkdtempSync(join(tmpdir(), 'cliffless-docs-'));
    temps.push(copy);
    cpSync(join(root, 'README.md'), join(copy, 'README.md'));
    cpSync(join(root, 'docs'), join(copy, 'docs'), { recursive: true });
    // Links into the code (reference/README.md, fuzz/…) resolve against the real tree's folders.
    for (const dir of ['reference', 'properties', 'fuzz', 'bench', 'contracts', 'test'])
      symlinkSync(join(root, dir), join(copy, dir));
    writeFileSync(join(copy, page), edit(readFileSync(join(copy, page), 'utf8')));
    return copy;
  }

  test('checks the README and every page under docs/', () => {
    const files = docFiles(root);
    expect(files).toContain('README.md');
    expect(files).toContain('docs/design.md');
    expect(files.length).toBeGreaterThan(8);
  });

  test('every relative link and anchor in README.md and docs/*.md resolves inside the repository', () => {
    expect(brokenLinks(root)).toEqual([]);
  });

  test('a broken file link, a missing anchor and a link out of the repository in a copy are each reported', () => {
    const copy = copyWith(
      'docs/fuzz.md',
      (text) =>
        `${text}\n[gone](no-such-page.md) [anchor](design.md#no-such-heading) [own](#nor-this)\n` +
        `[shared](../../shared/DESIGN.md) [up](../../elsewhere/README.md) [fine](design.md#4-properties)\n`,
    );
    expect(brokenLinks(copy)).toEqual([
      'docs/fuzz.md: no-such-page.md: docs/no-such-page.md does not exist',
      'docs/fuzz.md: design.md#no-such-heading: docs/design.md has no heading #no-such-heading',
      'docs/fuzz.md: #nor-this: docs/fuzz.md has no heading #nor-this',
      'docs/fuzz.md: ../../shared/DESIGN.md: points to ../shared, which a clone of the repository does not have',
      'docs/fuzz.md: ../../elsewhere/README.md: points outside the repository',
    ]);
  });

  test('a heading inside a fenced code block is no anchor', () => {
    const copy = copyWith('README.md', (text) => `${text}\n\`\`\`\n## Only in code\n\`\`\`\n\n[x](#only-in-code)\n`);
    expect(brokenLinks(copy)).toEqual(['README.md: #only-in-code: README.md has no heading #only-in-code']);
  });
});
