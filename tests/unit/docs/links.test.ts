/**
 * Every relative link in the documentation points at a file that exists, so moving or renaming a file
 * cannot silently break the README or docs/.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenDocumentationLinks, documentationFiles, localPath, markdownTargets } from '../../helpers/markdownLinks';
import { PROJECT_ROOT } from '../../helpers/sharedData';

describe('documentation links', () => {
  it('finds links the way a renderer does: not in code, reference links resolved', () => {
    const md = [
      'A [link](a.md), an ![image](img/b.png), a [ref][r] and <https://example.org>.',
      'Not links: `[code](c.md)` and',
      '```',
      '[fenced](d.md)',
      '```',
      '[r]: e.md#part',
    ].join('\n');
    expect(markdownTargets(md)).toEqual(['a.md', 'img/b.png', 'e.md#part', 'https://example.org']);
  });

  it('reports a missing file, a missing nested file and a broken reference link, and nothing else', () => {
    const root = mkdtempSync(join(tmpdir(), 'doc-links-'));
    mkdirSync(join(root, 'docs', 'sub'), { recursive: true });
    writeFileSync(join(root, 'docs', 'here.md'), '# Here\n');
    writeFileSync(join(root, 'README.md'), '[ok](docs/here.md#here) [folder](docs/sub/) [web](https://example.org) [anchor](#top) [gone](docs/gone.md)\n');
    writeFileSync(join(root, 'docs', 'sub', 'deep.md'), '[up](../here.md) [root](/README.md) [bad][x]\n\n[x]: ../../nothere.md\n');
    expect(documentationFiles(root).map((f) => f.slice(root.length + 1))).toEqual(['README.md', join('docs', 'here.md'), join('docs', 'sub', 'deep.md')]);
    expect(brokenDocumentationLinks(root)).toEqual(['README.md: docs/gone.md', `${join('docs', 'sub', 'deep.md')}: ../../nothere.md`]);
  });

  it("the project's README.md, ARCHITECTURE.md and docs/**/*.md have no broken relative links", () => {
    // The README links into docs/: finding none would mean the links are no longer being read.
    const readme = join(PROJECT_ROOT, 'README.md');
    const local = markdownTargets(readFileSync(readme, 'utf8')).filter((t) => localPath(t, readme, PROJECT_ROOT) !== null);
    expect(local.length).toBeGreaterThan(10);
    expect(brokenDocumentationLinks(PROJECT_ROOT)).toEqual([]);
  });
});
