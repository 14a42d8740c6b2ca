/**
 * The CLI's model files: `train --save-model DIR --run-card FILE` then `train --model-file DIR` (or the
 * page's zip of the same two files) evaluates the saved weights to the same metrics; a model file for
 * another graph or a missing one is refused with its reason.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '../../../src/model/tf';
import { zipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { trainerFromModelFile } from '../../../src/cli/modelFile';
import { takeModelArgs, trainCommand } from '../../../src/cli/train';
import { loadGraph } from '../../../src/cli/trainData';
import { PROJECT_ROOT } from '../../helpers/sharedData';

const DEMO = join(PROJECT_ROOT, 'public/datasets/demo.json');
const dir = mkdtempSync(join(tmpdir(), 'model-cli-'));

afterEach(() => vi.restoreAllMocks());
afterAll(() => {
  tf.disposeVariables();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `train` in this process; returns its exit code, the JSON line and what went to stderr. */
async function train(args: string[]): Promise<{ code: number; out: Record<string, unknown> | null; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  const code = await trainCommand([...args, '--backend', 'cpu', '--json']);
  vi.restoreAllMocks();
  return { code, out: out.length ? JSON.parse(out.at(-1)!) : null, err: err.join('') };
}

describe('cli model files', () => {
  it('--save-model, --run-card, then --model-file (folder or zip) evaluate to the same metrics', async () => {
    const saved = join(dir, 'demo-model');
    const trained = await train([DEMO, '--epochs', '2', '--hidden', '8', '--save-model', saved, '--run-card', join(dir, 'card.json')]);
    expect(trained.code, trained.err).toBe(0);
    const card = JSON.parse(readFileSync(join(dir, 'card.json'), 'utf8'));
    expect(card).toMatchObject({ format: 'drug-gnn-playground-run-card/1', epochs: 2, backend: 'cpu', settings: { hidden: 8 } });
    expect(card.curves.epoch).toEqual([1, 2]);
    expect(card.final).toEqual({ ...(trained.out!.last as object), loss: card.curves.loss[1] });
    expect(card.dataFingerprint).toMatch(/^[0-9a-f]{64}$/);

    const fromDir = await train([DEMO, '--model-file', saved, '--hidden', '32']);
    expect(fromDir.code, fromDir.err).toBe(0);
    expect(fromDir.err).toMatch(/ignored hidden=32/);
    expect(fromDir.out!.settings).toMatchObject({ hidden: 8 });
    expect(fromDir.out!.last).toEqual(trained.out!.last);

    const zip = join(dir, 'demo.model.zip');
    writeFileSync(zip, zipSync({ 'model.json': readFileSync(join(saved, 'model.json')), 'weights.bin': readFileSync(join(saved, 'weights.bin')) }));
    const fromZip = await train([DEMO, '--model-file', zip]);
    expect(fromZip.out!.last).toEqual(trained.out!.last);

    // Another graph: refused before anything is trained.
    const other = join(dir, 'other.tsv');
    writeFileSync(
      other,
      'Drug1\tDrug2\n' +
        Array.from({ length: 30 }, (_, i) => `DB9${String(i).padStart(4, '0')}\tDB9${String((i + 1) % 30).padStart(4, '0')}`).join('\n') +
        '\n',
    );
    const refused = await train([other, '--model-file', saved]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/--model-file .*demo-model: This model was trained on another graph \(“demo”, 165 drugs/);
  });

  it('refuses a missing path and checks its own flags', async () => {
    const graph = await loadGraph([DEMO]);
    await expect(trainerFromModelFile(join(dir, 'nothing-here'), graph)).rejects.toThrow(/nothing-here: no such file or folder/);
    await expect(trainerFromModelFile(dir, graph)).rejects.toThrow(/model\.json is missing/);
    expect(() => takeModelArgs(['x.tsv', '--run-card', 'card.txt'])).toThrow(/ending \.json or \.md/);
    expect(takeModelArgs(['x.tsv', '--save-model', 'm', '--epochs', '3'])).toEqual({ saveModel: 'm', rest: ['x.tsv', '--epochs', '3'] });
  });
});
