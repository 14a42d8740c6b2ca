/**
 * A heuristic (model cn) through the trainer worker's service, as the page drives it: Play runs one
 * evaluation and stops, the network gets 0–1 strengths, the candidate list is filled, and the
 * stepper says it has no layers instead of failing somewhere inside; the teaching view gets the
 * pair's terms instead (and a GNN refuses that question).
 */
import { describe, expect, it } from 'vitest';
import type { DrugGraph } from '../../../src/data/graph';
import { Rng } from '../../../src/model/rng';
import { DEFAULT_MODEL_SETTINGS } from '../../../src/settings/schema';
import type { TrainerUpdate } from '../../../src/workers/protocol';
import { TrainerService } from '../../../src/workers/trainerService';

function randomGraph(n: number, m: number): DrugGraph {
  const rng = new Rng(3);
  const seen = new Set<number>();
  const a: number[] = [];
  const b: number[] = [];
  while (a.length < m) {
    const u = rng.int(n);
    const v = rng.int(n);
    const key = Math.min(u, v) * n + Math.max(u, v);
    if (u === v || seen.has(key)) continue;
    seen.add(key);
    a.push(Math.min(u, v));
    b.push(Math.max(u, v));
  }
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `D${i}`, name: `drug ${i}` }));
  return { name: 'R', nodes, edgeSrc: Int32Array.from(a), edgeDst: Int32Array.from(b), edgeTypes: [] };
}

describe('TrainerService with a heuristic model', () => {
  it('Play evaluates once and stops; strengths in [0, 1]; candidates listed; no stepper', async () => {
    const service = new TrainerService();
    await service.init('cpu');
    await service.setup(randomGraph(50, 300), { ...DEFAULT_MODEL_SETTINGS, model: 'cn', candidates: 5 });
    const updates: TrainerUpdate[] = [];
    await service.play((u) => void updates.push(u));
    const last = await service.snapshot();
    expect(updates.filter((u) => u.metrics).map((u) => u.metrics!.epoch)).toEqual([1]);
    expect(last.status).toBe('stopped');
    expect(last.metrics!.testAuroc).toBeGreaterThan(0);
    const p = Array.from(last.edgeProbabilities!);
    expect(Math.max(...p)).toBe(1);
    expect(Math.min(...p)).toBeGreaterThanOrEqual(0);
    expect(last.candidates).toHaveLength(5);
    for (const c of last.candidates) {
      expect(c.score).toBeGreaterThan(0);
      expect(c.probability).toBeGreaterThan(0);
      expect(c.probability).toBeLessThanOrEqual(1);
    }
    await expect(service.explainNode(0)).rejects.toThrow(/no layers to step through/);
    // The teaching view's question for a heuristic: drug 0's strongest unknown partner, term by term.
    const top = last.candidates[0];
    const e = await service.explainHeuristicPair(top.a);
    expect(e.kind).toBe('cn');
    expect(e.a).toBe(top.a);
    expect(e.score).toBeGreaterThanOrEqual(top.score);
    expect(e.common).toHaveLength(e.score);
    expect(e.partners[0]).toEqual({ node: e.b, score: e.score });
    const chosen = await service.explainHeuristicPair(top.a, top.b);
    expect([chosen.b, chosen.score]).toEqual([top.b, top.score]);
  });

  it('a GNN refuses the heuristic question', async () => {
    const service = new TrainerService();
    await service.init('cpu');
    await service.setup(randomGraph(30, 90), { ...DEFAULT_MODEL_SETTINGS, hidden: 8 });
    await expect(service.explainHeuristicPair(0)).rejects.toThrow(/not a heuristic/);
  });
});
