/**
 * Where the real third-party data lives: ../shared/datasets seen from the project root. Licences forbid
 * copying it into the project, so tests read it at run time. When it is missing, data tests are
 * skipped with a message — except in CI (CI=true), where they fail, so a broken checkout cannot pass.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { fileFromPath } from '../../src/data/nodeInput';
import type { InputFile } from '../../src/data/input';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DATASETS = resolve(PROJECT_ROOT, '../shared/datasets');
export const hasSharedData = existsSync(SHARED_DATASETS);

/** Absolute path of a file under ../shared/datasets. */
export function sharedPath(...parts: string[]): string {
  return join(SHARED_DATASETS, ...parts);
}

/** An InputFile for a file under ../shared/datasets. */
export function sharedFile(...parts: string[]): Promise<InputFile> {
  return fileFromPath(sharedPath(...parts));
}

/** `describe` for tests that need the shared data: skip (with a message) or, in CI, fail when it is missing. */
export function describeWithSharedData(name: string, body: () => void): void {
  if (hasSharedData) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs ../shared/datasets', () => {
        throw new Error(`Shared datasets not found at ${SHARED_DATASETS}; CI must provide them.`);
      });
    });
  } else {
    console.warn(`[skip] ${name}: shared datasets not found at ${SHARED_DATASETS}`);
    describe.skip(name, body); // reason: ../shared/datasets is absent outside CI (licensed data, read at run time only)
  }
}
