/**
 * Run cards and the runs CSV against the run they describe: every setting, the curves epoch by
 * epoch, last and best metrics, timings; CSV quoting read back by an independent parser (papaparse's
 * reader is the same library, so the quoting is also checked by hand on one cell).
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { markdownText, median, RUN_CARD_FORMAT, runCard, runCardJson, runCardMarkdown, runsCsv, type RunCardInput } from '../../../src/export/runCard';
import { DEFAULT_MODEL_SETTINGS } from '../../../src/settings/schema';
import type { EpochResult } from '../../../src/model/tasks/trainerBase';

const epoch = (e: number, valAuroc: number): EpochResult => ({
  epoch: e,
  loss: 1 / e,
  ms: 10 * e,
  valAuroc,
  valAuprc: valAuroc - 0.1,
  testAuroc: valAuroc - 0.05,
  testAuprc: 0.5,
  valHits20: 0.2,
  testHits20: 0.1,
});

function run(id = 3): RunCardInput {
  const curve = [epoch(1, 0.6), epoch(2, 0.8), epoch(3, 0.7)];
  return {
    id,
    dataset: 'my "drugs", v2\n=cmd|',
    settings: { ...DEFAULT_MODEL_SETTINGS, hidden: 16, seed: 7, epochs: 3 },
    backend: 'wasm',
    epochs: 3,
    ended: { kind: 'finished', text: 'finished' },
    last: curve[2],
    best: curve[1],
    selectionMetric: 'AUROC',
    epochMs: curve.map((c) => c.ms),
    curve,
    fingerprints: { data: 'a'.repeat(64), split: 'b'.repeat(64) },
  };
}

describe('run card', () => {
  it('holds the run: settings, curves, last and best metrics, timings, fingerprints', () => {
    const card = runCard(run(), '0.1.0');
    expect(card).toMatchObject({
      format: RUN_CARD_FORMAT,
      appVersion: '0.1.0',
      run: 3,
      seed: 7,
      backend: 'wasm',
      task: 'link',
      epochs: 3,
      selectionMetric: 'AUROC',
    });
    expect(card.settings).toEqual(run().settings);
    expect(card.dataFingerprint).toBe('a'.repeat(64));
    expect(card.curves.epoch).toEqual([1, 2, 3]);
    expect(card.curves.loss).toEqual([1, 0.5, 1 / 3]);
    expect(card.curves.valAuroc).toEqual([0.6, 0.8, 0.7]);
    expect(card.curves.valAccuracy).toBeUndefined(); // no epoch has it
    expect(card.final).toMatchObject({ epoch: 3, valAuroc: 0.7, testAuroc: 0.7 - 0.05 });
    expect(card.best).toMatchObject({ epoch: 2, valAuroc: 0.8 });
    expect(card.timings).toEqual({ medianEpochMs: 20, totalTrainMs: 60, epochsTimed: 3 });
    expect(JSON.parse(runCardJson(card))).toEqual(card);
  });

  it('a loaded model: its file named, its missing loss left null', () => {
    const loaded = { ...epoch(12, 0.9), loss: NaN, ms: 0 };
    const card = runCard(
      { ...run(), epochs: 12, last: loaded, best: loaded, epochMs: [], curve: [loaded], loadedFrom: { file: 'model.zip', epoch: 12, appVersion: '0.1.0' } },
      '0.1.0',
    );
    expect(card.loadedFrom).toEqual({ file: 'model.zip', epoch: 12, appVersion: '0.1.0' });
    expect(card.curves.loss).toBeUndefined();
    expect(card.final!.loss).toBeUndefined();
    expect(card.timings.medianEpochMs).toBeNull();
    expect(runCardMarkdown(card)).toContain('model\\.zip (epoch 12');
  });

  it('Markdown: data names as literal text, a row per epoch', () => {
    const md = runCardMarkdown(runCard(run(), '0.1.0'));
    expect(md).toContain('# Run 3: gcn on my \\"drugs\\"\\, v2 \\=cmd\\|');
    expect(md).not.toMatch(/<|\n=cmd/);
    expect(md).toContain('| hidden | 16 |');
    expect(md).toContain('| learningRate | 0\\.01 |');
    expect(md).toContain('| 2 | 0.5000 | 0.8000 |');
    expect(md.match(/^\| [123] \|/gm)).toHaveLength(3);
    expect(markdownText('<img src=x onerror=alert(1)>')).toBe('\\<img src\\=x onerror\\=alert\\(1\\)\\>');
  });
});

describe('runs CSV', () => {
  it('one row per run, quoted fields read back intact, formulas defused', () => {
    const second = {
      ...run(4),
      dataset: 'demo',
      settings: { ...run().settings, task: 'node' as const },
      last: { ...epoch(1, NaN), valAccuracy: 0.4 },
      best: null,
    };
    const text = runsCsv([run(), second]);
    const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(new Set(parsed.meta.fields).size).toBe(parsed.meta.fields!.length);
    const [a, b] = parsed.data;
    expect(a.run).toBe('3');
    expect(a.dataset).toBe('my "drugs", v2\n=cmd|'); // starts with m: not a formula
    expect(a.epochs).toBe('3'); // the budget setting
    expect(a.epochs_trained).toBe('3');
    expect(a.hidden).toBe('16');
    expect(a.learningRate).toBe('0.01');
    expect(a.last_valAuroc).toBe('0.7');
    expect(a.best_epoch).toBe('2');
    expect(a.median_epoch_ms).toBe(String(median([10, 20, 30])));
    expect(a.total_train_ms).toBe('60');
    expect(a.data_fingerprint).toBe('a'.repeat(64));
    expect(b.task).toBe('node');
    expect(b.last_valAuroc).toBe(''); // NaN is an empty cell
    expect(b.last_valAccuracy).toBe('0.4');
    expect(b.best_epoch).toBe('');
    // RFC 4180 by hand: the quoted cell doubles its quotes and keeps the comma and line break inside.
    expect(text).toContain('"my ""drugs"", v2\n=cmd|"');
    const evil = runsCsv([{ ...run(), dataset: '=HYPERLINK("x")' }]);
    expect(Papa.parse<Record<string, string>>(evil.trim(), { header: true }).data[0].dataset).toBe(`'=HYPERLINK("x")`);
  });
});
