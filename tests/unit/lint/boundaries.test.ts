/**
 * The import boundaries in eslint.config.js catch a forbidden import and let an allowed one pass,
 * through ESLint's own API on code that is not on disk (the imported files are real, so the
 * resolver and the element patterns are exercised too).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { BOUNDARY_POLICIES, TFJS_FREE_MODEL } from '../../../eslint.config.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The rule ids ESLint reports for `code` as if it were the file at `filePath`. */
async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('import boundaries', () => {
  it('src/data may not import the UI', async () => {
    expect(await ruleIds('src/data/x.ts', "import { createPlaygroundStore } from '../ui/store';\nexport const s = createPlaygroundStore;\n")).toEqual([
      'boundaries/dependencies',
    ]);
  });

  it('src/model may not import the UI', async () => {
    expect(await ruleIds('src/model/x.ts', "import { createPlaygroundStore } from '../ui/store';\nexport const s = createPlaygroundStore;\n")).toEqual([
      'boundaries/dependencies',
    ]);
  });

  it('src/ui may import TensorFlow.js types but not the package', async () => {
    expect(await ruleIds('src/ui/x.ts', "import { tensor } from '@tensorflow/tfjs-core';\nexport const t = tensor;\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
    expect(await ruleIds('src/ui/x.ts', "import type { Tensor } from '@tensorflow/tfjs-core';\nexport type T = Tensor;\n")).toEqual([]);
  });

  it('src/ui may import the model as types only, and tfjs-free model modules as values', async () => {
    expect(await ruleIds('src/ui/x.ts', "import { tensor } from '../model/tf';\nexport const t = tensor;\n")).toEqual(['boundaries/dependencies']);
    expect(await ruleIds('src/ui/x.ts', "import type { Tensor } from '../model/tf';\nexport type T = Tensor;\n")).toEqual([]);
    // A re-export or a lazy import() still brings the module into the page.
    expect(await ruleIds('src/ui/x.ts', "export { tensor } from '../model/tf';\n")).toEqual(['boundaries/dependencies']);
    expect(await ruleIds('src/ui/x.ts', "export const load = () => import('../model/tf');\n")).toEqual(['boundaries/dependencies']);
    expect(await ruleIds('src/ui/x.ts', "import { DEFAULT_MODEL_SETTINGS } from '../model/settings';\nexport const d = DEFAULT_MODEL_SETTINGS;\n")).toEqual([]);
  });

  it('allowed imports pass: the UI and the model read src/data', async () => {
    const code = "import { GraphBuilder } from '../data/graph';\nexport const b = GraphBuilder;\n";
    expect(await ruleIds('src/ui/x.ts', code)).toEqual([]);
    expect(await ruleIds('src/model/x.ts', code)).toEqual([]);
  });

  it('names only files that exist (a moved file must be renamed in the config too)', () => {
    const paths = new Set<string>(TFJS_FREE_MODEL);
    JSON.stringify(BOUNDARY_POLICIES, (key, value) => {
      if (key === 'path' && typeof value === 'string') paths.add(value);
      return value;
    });
    expect(paths.size).toBeGreaterThan(TFJS_FREE_MODEL.length);
    expect([...paths].filter((p) => !existsSync(`${root}${p}`))).toEqual([]);
  });
});
