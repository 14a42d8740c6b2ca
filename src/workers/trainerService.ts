/**
 * The trainer worker's behaviour, kept apart from the Comlink wiring so it can be read and tested
 * on its own: owns one LinkTrainer and runs epochs until paused, yielding between epochs so that
 * pause/step/reset messages get through.
 */
import * as tf from '@tensorflow/tfjs';
import type { DrugGraph } from '../data/graph';
import type { ModelSettings } from '../model/settings';
import { LinkTrainer, sigmoid, type EpochResult } from '../model/trainer';
import { chooseBackend } from './backends';
import type { BackendInfo, BackendName, TrainerApi, TrainerUpdate, TrainStatus } from './protocol';

/** Recolouring data is sent at most this often while playing (always at pause and at the end). */
const VIEW_REFRESH_MS = 250;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class TrainerService implements TrainerApi {
  private backend: { chosen: BackendName; probes: BackendInfo['probes'] } | null = null;
  private trainer: LinkTrainer | null = null;
  private graph: DrugGraph | null = null;
  private running = false;
  private status: TrainStatus = 'idle';
  private lastView = 0;
  private lastResult: EpochResult | null = null;
  /** Epoch budget and candidate count: adjustable without rebuilding the model. */
  private budget = { epochs: 0, candidates: 0 };

  async init(preferred?: BackendName): Promise<BackendInfo> {
    if (!this.backend) this.backend = await chooseBackend(preferred);
    return this.info();
  }

  async setup(graph: DrugGraph, settings: ModelSettings): Promise<BackendInfo> {
    await this.init();
    this.running = false;
    this.graph = graph;
    this.rebuild(settings);
    return this.info();
  }

  async reset(settings: ModelSettings): Promise<void> {
    this.running = false;
    this.rebuild(settings);
  }

  async play(onUpdate: (u: TrainerUpdate) => void): Promise<void> {
    const trainer = this.requireTrainer();
    if (this.running) return;
    this.running = true;
    this.status = 'training';
    while (this.running && trainer === this.trainer && trainer.epoch < this.budget.epochs) {
      const update = await this.runOneEpoch(false);
      await onUpdate(update);
      if (update.status === 'error') return;
      await nextTask();
    }
    if (trainer !== this.trainer) return; // reset while playing: the new model starts idle
    this.running = false;
    this.status = trainer.epoch >= this.budget.epochs ? 'done' : 'paused';
    await onUpdate(await this.update(null, true));
  }

  async setBudget(epochs: number, candidates: number): Promise<void> {
    this.budget = { epochs, candidates };
  }

  async pause(): Promise<void> {
    this.running = false;
  }

  async step(): Promise<TrainerUpdate> {
    this.running = false;
    const update = await this.runOneEpoch(true);
    if (this.status !== 'error') this.status = 'paused';
    return { ...update, status: this.status };
  }

  /** Current state without training, e.g. for a freshly set-up model. */
  async snapshot(): Promise<TrainerUpdate> {
    return this.update(this.lastResult, true);
  }

  private async runOneEpoch(forceView: boolean): Promise<TrainerUpdate> {
    const trainer = this.requireTrainer();
    try {
      this.lastResult = await trainer.runEpoch();
      return await this.update(this.lastResult, forceView);
    } catch (e) {
      this.running = false;
      this.status = 'error';
      return { status: 'error', metrics: null, edgeProbabilities: null, candidates: [], error: (e as Error).message };
    }
  }

  private async update(metrics: EpochResult | null, forceView: boolean): Promise<TrainerUpdate> {
    const trainer = this.requireTrainer();
    const now = performance.now();
    const withView = forceView || now - this.lastView >= VIEW_REFRESH_MS;
    let edgeProbabilities: Float32Array | null = null;
    let candidates: TrainerUpdate['candidates'] = [];
    if (withView && this.status !== 'error') {
      this.lastView = now;
      const h = await trainer.embeddings();
      edgeProbabilities = trainer.knownEdgeProbabilities(h);
      candidates = trainer
        .candidates(this.budget.candidates, h)
        .map((c) => ({ a: c.a, b: c.b, probability: sigmoid(c.score) }));
    }
    return { status: this.status, metrics, edgeProbabilities, candidates, error: null };
  }

  private rebuild(settings: ModelSettings): void {
    if (!this.graph) throw new Error('No graph loaded.');
    this.trainer?.dispose();
    this.trainer = null;
    this.lastResult = null;
    this.status = 'idle';
    this.budget = { epochs: settings.epochs, candidates: settings.candidates };
    this.trainer = new LinkTrainer(
      { numNodes: this.graph.nodes.length, edgeSrc: this.graph.edgeSrc, edgeDst: this.graph.edgeDst },
      settings,
      tf.getBackend(),
    );
  }

  private requireTrainer(): LinkTrainer {
    if (!this.trainer) throw new Error('No model: load a data set first.');
    return this.trainer;
  }

  private info(): BackendInfo {
    const b = this.backend!;
    const mode = this.trainer?.aggregationMode;
    const aggregation = mode === 'dense' ? 'dense adjacency matmul' : mode === 'sparse' ? 'sparse CSR product' : '—';
    return { chosen: b.chosen, probes: b.probes, aggregation };
  }
}
