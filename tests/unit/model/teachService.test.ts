/**
 * The worker's teaching side on a real LinkTrainer: the explanation's final vector is the trainer's
 * own output, the default partner is the strongest unknown one, and the per-epoch projections
 * follow the run (latest epoch always available, memory bounded).
 */
import * as tf from '../../../src/model/tf';
import { afterEach, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/model/rng';
import { DEFAULT_MODEL_SETTINGS } from '../../../src/settings/schema';
import { LinkTrainer } from '../../../src/model/tasks/linkTrainer';
import { TeachService } from '../../../src/workers/teachService';

afterEach(() => tf.disposeVariables());

function graph(n: number, m: number) {
  const rng = new Rng(9);
  const seen = new Set<string>();
  const a: number[] = [];
  const b: number[] = [];
  while (a.length < m) {
    const u = rng.int(n);
    const v = rng.int(n);
    const key = `${Math.min(u, v)}-${Math.max(u, v)}`;
    if (u === v || seen.has(key)) continue;
    seen.add(key);
    a.push(Math.min(u, v));
    b.push(Math.max(u, v));
  }
  return { numNodes: n, edgeSrc: Int32Array.from(a), edgeDst: Int32Array.from(b) };
}

describe('TeachService', () => {
  for (const model of ['seed-gcn', 'sage'] as const) {
    it(`explains a ${model} LinkTrainer with its own numbers`, async () => {
      const g = graph(30, 80);
      const trainer = new LinkTrainer(g, { ...DEFAULT_MODEL_SETTINGS, model, decoder: 'dot', hidden: 8, epochs: 20 }, 'cpu');
      const teach = new TeachService();
      await teach.reset(trainer);
      for (let e = 0; e < 6; e++) {
        const r = await trainer.runEpoch();
        await teach.afterEpoch(trainer, r.ms);
      }
      const h = await trainer.embeddings();
      for (const v of [0, 7, 19]) {
        const e = await teach.explainNode(trainer, v);
        expect(e.epoch).toBe(6);
        const own = Array.from(h.subarray(v * 8, (v + 1) * 8));
        e.output.forEach((x, k) => expect(Math.abs(x - own[k])).toBeLessThan(1e-5));
        // Default partner: the strongest that is not a known interaction.
        const known = new Set(Array.from(g.edgeSrc, (a, i) => `${a}-${g.edgeDst[i]}`));
        const isKnown = (u: number) => known.has(`${Math.min(u, v)}-${Math.max(u, v)}`);
        expect(isKnown(e.decoder.partner)).toBe(false);
        const best = Math.max(
          ...Array.from({ length: 30 }, (_, u) => u)
            .filter((u) => u !== v && !isKnown(u))
            .map((u) => own.reduce((s, x, k) => s + x * h[u * 8 + k], 0)),
        );
        expect(e.decoder.score).toBeCloseTo(best, 4);
        // A chosen partner is honoured; its pair status says whether it carried messages.
        const partner = e.decoder.knownPartners[0]?.node;
        if (partner !== undefined) expect((await teach.explainNode(trainer, v, partner)).decoder.status).not.toBe('unknown');
      }
      const p = (await teach.embeddingProjection(trainer))!;
      expect(p.epoch).toBe(6);
      expect(p.epochs[0]).toBe(0);
      expect(p.layers.map((l) => l.label)).toEqual(['input features', 'after layer 1', 'after layer 2']);
      expect(p.layers[2].points.length).toBe(60);
      expect((await teach.embeddingProjection(trainer, 0))!.epoch).toBe(0);
      const why = await teach.explainPair(trainer, 0, e0(trainer));
      expect(why.levels).toHaveLength(2);
      trainer.dispose();
    });
  }

  it('explains a GCN + MLP decoder LinkTrainer: Output and "why" give the decoder’s own scores', async () => {
    const g = graph(30, 80);
    const trainer = new LinkTrainer(g, { ...DEFAULT_MODEL_SETTINGS, model: 'gcn', decoder: 'mlp', hidden: 8, epochs: 20 }, 'cpu');
    const teach = new TeachService();
    await teach.reset(trainer);
    for (let e = 0; e < 6; e++) await trainer.runEpoch();
    const h = await trainer.embeddings();
    const before = tf.memory().numTensors;
    for (const v of [0, 7, 19]) {
      const e = await teach.explainNode(trainer, v);
      expect(e.decoder.decoder).toBe('mlp');
      expect(e.decoder.decoderLatex).toContain('ReLU');
      expect(e.decoder.terms).toEqual([]); // per-component terms are a dot-product notion
      // Every partner's score is the trainer's own MLP logit; the default partner is the strongest unknown.
      const others = Int32Array.from({ length: 30 }, (_, u) => u).filter((u) => u !== v);
      const own = await trainer.scorePairs(h, { a: new Int32Array(others.length).fill(v), b: others });
      const byNode = new Map(Array.from(others, (u, i) => [u, own[i]]));
      expect(e.decoder.score).toBeCloseTo(byNode.get(e.decoder.partner)!, 5);
      expect(e.decoder.probability).toBeCloseTo(1 / (1 + Math.exp(-e.decoder.score)), 6);
      for (const p of e.decoder.topPartners) expect(p.score).toBeCloseTo(byNode.get(p.node)!, 5);
      const known = new Set(Array.from(g.edgeSrc, (a, i) => `${a}-${g.edgeDst[i]}`));
      const unknown = [...byNode].filter(([u]) => !known.has(`${Math.min(u, v)}-${Math.max(u, v)}`));
      expect(e.decoder.score).toBeCloseTo(Math.max(...unknown.map(([, s]) => s)), 5);
      const why = await teach.explainPair(trainer, v, e.decoder.partner);
      expect(why.score).toBeCloseTo(e.decoder.score, 4);
    }
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
  });
});

/** Some node other than 0. */
const e0 = (t: LinkTrainer) => (t.graph.edgeDst[0] === 0 ? 1 : t.graph.edgeDst[0]);
