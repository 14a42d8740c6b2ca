/**
 * Relative links in Markdown files that point at nothing. Links are found with marked's lexer, so
 * code spans, fenced blocks and reference definitions are read the way a Markdown renderer reads them
 * (a path shown in backticks is text, not a link).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Lexer, marked, type Tokens } from 'marked';

/** Every link and image target in a Markdown text, in document order. */
export function markdownTargets(markdown: string): string[] {
  const targets: string[] = [];
  marked.walkTokens(new Lexer().lex(markdown), (token) => {
    if (token.type === 'link' || token.type === 'image') targets.push((token as Tokens.Link | Tokens.Image).href);
  });
  return targets;
}

/** The file a relative target names, or null for external links (a scheme) and same-page anchors. */
export function localPath(target: string, fromFile: string, root: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target === '') return null;
  const path = decodeURIComponent(target.replace(/[?#].*$/, ''));
  // A leading slash is the repository root, as GitHub renders it.
  return path.startsWith('/') ? join(root, path) : resolve(dirname(fromFile), path);
}

/** `file: target` for every relative link of `markdown` (read from `file`) whose path does not exist. */
export function brokenLinks(markdown: string, file: string, root: string): string[] {
  return markdownTargets(markdown)
    .filter((target) => {
      const path = localPath(target, file, root);
      return path !== null && !existsSync(path);
    })
    .map((target) => `${relative(root, file)}: ${target}`);
}

/** The project's documentation: README.md, ARCHITECTURE.md when present, and docs/**\/*.md. */
export function documentationFiles(root: string): string[] {
  const top = ['README.md', 'ARCHITECTURE.md'].map((f) => join(root, f)).filter((f) => existsSync(f));
  const docs = join(root, 'docs');
  const nested = existsSync(docs)
    ? readdirSync(docs, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .map((f) => join(docs, f))
    : [];
  return [...top, ...nested.sort()];
}

/** Broken relative links across the project's documentation. */
export function brokenDocumentationLinks(root: string): string[] {
  return documentationFiles(root).flatMap((file) => brokenLinks(readFileSync(file, 'utf8'), file, root));
}
