/**
 * The trainer worker's behaviour, kept apart from the Comlink wiring so it can be read and tested
 * on its own: owns one trainer (any task) and runs epochs until paused, yielding between epochs so that
 * pause/step/reset messages get through.
 */
import * as tf from '../model/tf';
import * as Comlink from 'comlink';
import { captureCheckpoint, restoreCheckpoint } from '../model/checkpoint';
import { checkpointBuffers, isPacked, packCheckpoint, unpackCheckpoint, type PackedCheckpoint, type TrainerCheckpoint } from '../model/checkpointFormat';
import type { DrugGraph } from '../data/graph';
import { buildPygProject, pygFolderName, zipPygProject } from '../export/pyg/project';
// The script as a file in the repository (Vite ?raw); the CLI reads the same file with fs.
import trainPy from '../export/pyg/train.py?raw';
import type { ModelSettings } from '../settings/schema';
import { featureKinds } from '../model/features/spec';
import { morganFeatures } from '../model/features/morgan';
import { pygInputsOf } from '../model/pygInputs';
import { createTrainer } from '../model/tasks';
import { TrainingDiverged, type EpochResult, type TrainerBase } from '../model/tasks/trainerBase';
import { chooseBackend } from './backends';
import { loadRdkit } from './rdkit';
import type { EmbeddingProjection, NodeExplanation, PairExplanation } from '../model/teach/types';
import type { HeuristicPairExplanation } from '../model/teach/heuristicPair';
import type {
  BackendInfo,
  BackendName,
  CandidatePair,
  FileSplitInfo,
  Fingerprints,
  KnownPairScores,
  LoadedModel,
  TrainerApi,
  TrainerUpdate,
  TrainStatus,
} from './protocol';
import type { TypeReport } from '../model/tasks/typeTrainer';
import type { MultilabelReport } from '../model/labelMetrics';
import { APP_VERSION } from '../appVersion';
import { graphFingerprint, nodeOrderFingerprint, splitFingerprint } from '../data/fingerprint';
import { assignWeights, checkGraph, ModelFileError, parseModelFiles, saveModelFiles, savingMeta, type GraphIdentity } from '../model/modelFile';
import { MODEL_JSON_NAME, type ModelFiles } from '../model/modelFileFormat';
import { linkSplitToJson } from '../model/splitFile';
import type { LinkSplit } from '../model/split';
import { splitCounts, splitFromTexts, type SplitTexts } from '../model/splitTexts';
import type { TypeSplit } from '../model/tasks/typeTrainer';
import { isTypeSplit } from '../model/typeSplitFile';
import { checkModelSettings } from '../settings/check';
import { CostShare } from './costShare';
import { nextTask } from '../data/nextTask';
import { TeachService } from './teachService';
import { streamPredictionFile, type PredictionChunk, type PredictionFileRequest, type PredictionFileSummary } from '../model/predictionFile';

/** Recolouring data is sent at most this often while playing (always at pause and at the end). */
const VIEW_REFRESH_MS = 250;
/** While playing, the candidate scan may take at most this share of the time (see costShare.ts). */
const CANDIDATE_TIME_SHARE = 0.25;

/** A split from files, parsed for the current graph, and what the page is told of it. */
interface FileSplit {
  split: LinkSplit | TypeSplit;
  info: FileSplitInfo;
}

/** Whether a split from files serves the task: a link split the link task, a type split the type task. */
const splitApplies = (split: LinkSplit | TypeSplit, task: ModelSettings['task']): boolean => (isTypeSplit(split) ? task === 'type' : task === 'link');

export class TrainerService implements TrainerApi {
  private backend: Pick<BackendInfo, 'chosen' | 'probes' | 'wasmThreads'> | null = null;
  private trainer: TrainerBase | null = null;
  private graph: DrugGraph | null = null;
  /** Split files in use for this graph (useSplit), or null for the seeded split. */
  private fileSplit: FileSplit | null = null;
  private running = false;
  private status: TrainStatus = 'idle';
  private lastView = 0;
  private lastResult: EpochResult | null = null;
  /** Epoch budget and candidate count: adjustable without rebuilding the model. */
  private budget = { epochs: 0, candidates: 0 };
  /** Explanations and per-epoch embedding projections for the teaching view. */
  private readonly teach = new TeachService();
  /** Work that reads the current model's tensors: a model swap waits for it to finish. */
  private readonly inFlight = new Set<Promise<unknown>>();
  /** The model replacement (setup/reset) in progress, if any; settled, never rejected. */
  private replacing: Promise<unknown> = Promise.resolve();
  /** The last candidate list, kept between scans while a slow scan is not due. */
  private candidates: TrainerUpdate['candidates'] = [];
  private readonly candidateScan = new CostShare(CANDIDATE_TIME_SHARE);

  /** The first call picks the backend; later calls (setup's included) wait for that same choice. */
  private choosing: Promise<void> | null = null;

  async init(preferred?: BackendName, threads?: number): Promise<BackendInfo> {
    this.choosing ??= chooseBackend(preferred, threads).then((b) => {
      this.backend = b;
    });
    await this.choosing;
    return this.info();
  }

  async setup(graph: DrugGraph, settings: ModelSettings): Promise<BackendInfo> {
    await this.init();
    this.running = false;
    // Split files belong to the graph they were checked against: new data starts on the seeded split.
    await this.replaceModel(graph, settings, null);
    return this.info();
  }

  async useSplit(texts: SplitTexts | null, settings: ModelSettings): Promise<FileSplitInfo | null> {
    await this.replacing;
    const graph = this.graph;
    if (!graph) throw new Error('Load the data the split was made for first: a split file names its drugs and pairs.');
    let given: FileSplit | null = null;
    if (texts) {
      let split: LinkSplit | TypeSplit;
      try {
        split = splitFromTexts(texts, graph);
      } catch (e) {
        // The type folder's messages name their file and line; a link split's name its entry.
        throw new Error(texts.kind === 'link' ? `${texts.file}: ${(e as Error).message}` : (e as Error).message, { cause: e });
      }
      given = { split, info: { files: texts.kind === 'link' ? [texts.file] : texts.files, counts: splitCounts(split) } };
    }
    this.running = false;
    await this.replaceModel(graph, settings, given);
    return given?.info ?? null;
  }

  async reset(settings: ModelSettings): Promise<void> {
    if (!this.graph) throw new Error('No graph loaded.');
    this.running = false;
    await this.replaceModel(this.graph, settings, this.fileSplit);
  }

  async play(onUpdate: (u: TrainerUpdate) => void): Promise<void> {
    await this.replacing; // Play pressed right after a settings change trains the new model
    const trainer = this.requireTrainer();
    if (this.running) return;
    this.running = true;
    this.status = 'training';
    while (this.running && trainer === this.trainer && trainer.epoch < this.budget.epochs && !trainer.stopReason) {
      const update = await this.runOneEpoch(false);
      await onUpdate(update);
      if (update.status === 'error') return;
      await nextTask();
    }
    if (trainer !== this.trainer) return; // reset while playing: the new model starts idle
    this.running = false;
    this.status = trainer.epoch >= this.budget.epochs ? 'done' : trainer.stopReason ? 'stopped' : 'paused';
    // A full view from the weights as they are now: after an early stop, the best epoch's restored ones.
    const final = await this.update(null, true);
    await onUpdate({
      ...final,
      typeReport: await trainer.byTask<Promise<TypeReport | null>>({
        type: async (t) => t.testReport(await t.embeddings()),
        link: async () => null,
        heuristic: async () => null,
        node: async () => null,
        multilabel: async () => null,
      }),
      multilabelReport: await trainer.byTask<Promise<MultilabelReport | null>>({
        multilabel: async (t) => t.testReport(await t.embeddings()),
        type: async () => null,
        link: async () => null,
        heuristic: async () => null,
        node: async () => null,
      }),
    });
  }

  async setBudget(epochs: number, candidates: number): Promise<void> {
    if (candidates !== this.budget.candidates) this.candidateScan.reset();
    this.budget = { epochs, candidates };
  }

  async pause(): Promise<void> {
    this.running = false;
  }

  async step(): Promise<TrainerUpdate> {
    await this.replacing;
    this.running = false;
    const trainer = this.requireTrainer();
    const stoppedBefore = trainer.earlyStop !== null;
    // Forced view: if this epoch stopped the run, it shows the restored best weights.
    const update = await this.runOneEpoch(true);
    if (this.status !== 'error') this.status = !stoppedBefore && trainer.earlyStop ? 'stopped' : 'paused';
    return { ...update, status: this.status };
  }

  /** Current state without training, e.g. for a freshly set-up model. */
  async snapshot(): Promise<TrainerUpdate> {
    return this.using(() => this.update(this.lastResult, true));
  }

  async explainNode(node: number, partner?: number): Promise<NodeExplanation> {
    const trainer = this.requireTrainer();
    return this.using(() => this.teach.explainNode(trainer, node, partner));
  }

  async explainPair(a: number, b: number): Promise<PairExplanation> {
    const trainer = this.requireTrainer();
    return this.using(() => this.teach.explainPair(trainer, a, b));
  }

  async explainHeuristicPair(node: number, partner?: number): Promise<HeuristicPairExplanation> {
    const trainer = this.requireTrainer();
    const notHeuristic = () => {
      throw new Error('The model is not a heuristic: the stepper shows its layers instead.');
    };
    return this.using(async () =>
      trainer.byTask({
        heuristic: (t) => t.explainPair(node, partner),
        link: notHeuristic,
        type: notHeuristic,
        node: notHeuristic,
        multilabel: notHeuristic,
      }),
    );
  }

  async embeddingProjection(epoch?: number): Promise<EmbeddingProjection | null> {
    const trainer = this.requireTrainer();
    return this.using(() => this.teach.embeddingProjection(trainer, epoch));
  }

  async nodeOutput(node: number): Promise<number[]> {
    const trainer = this.requireTrainer();
    const h = await this.using(() => trainer.embeddings());
    const d = h.length / trainer.graph.numNodes;
    return Array.from(h.subarray(node * d, (node + 1) * d));
  }

  async knownPairScores(): Promise<KnownPairScores | null> {
    const trainer = this.requireTrainer();
    const link = trainer.linkPredictor();
    if (!link) return null;
    const result = await this.using(async () => link.knownEdgeScores(await trainer.embeddings()));
    // A copy of the cached split parts goes across; the score array is fresh and can move.
    return Comlink.transfer({ score: result.score, part: result.part.slice() }, [result.score.buffer]);
  }

  async nodeCandidates(node: number, k: number): Promise<CandidatePair[] | null> {
    const trainer = this.requireTrainer();
    const link = trainer.linkPredictor();
    if (!link || !(node >= 0 && node < trainer.graph.numNodes)) return null;
    const list = await this.using(async () => link.nodeCandidates(node, k, await trainer.embeddings()));
    return list.map((c) => ({ a: c.a, b: c.b, score: c.score, probability: link.strengthOf(c.score) }));
  }

  // ---- Predictions files: rows streamed in blocks.

  /** Set by cancelPredictionRows; read between blocks of the file in progress. */
  private predictionsCancelled = false;

  async predictionRows(
    request: PredictionFileRequest,
    onChunk: (chunk: PredictionChunk) => boolean | void | Promise<boolean | void>,
  ): Promise<PredictionFileSummary> {
    const trainer = this.requireTrainer();
    const nodes = this.graph!.nodes;
    this.predictionsCancelled = false;
    // Held as in-flight work: a model swap waits for the file (or its cancel) instead of freeing tensors under it.
    return this.using(() =>
      streamPredictionFile(
        trainer,
        nodes,
        request,
        async (bytes, progress) => (await onChunk(Comlink.transfer({ bytes, ...progress }, [bytes.buffer]))) !== false,
        () => this.predictionsCancelled,
      ),
    );
  }

  async cancelPredictionRows(): Promise<void> {
    this.predictionsCancelled = true;
  }

  // ---- Model files: the trained weights out and back in.

  async saveModel(): Promise<ModelFiles> {
    await this.replacing;
    const trainer = this.requireTrainer();
    const graph = this.graph!;
    const ids = await this.graphIdentity();
    const files = await this.using(async () => saveModelFiles(trainer, savingMeta(trainer, graph, ids, await this.splitFingerprintOf(trainer), APP_VERSION)));
    return Comlink.transfer(files, [files.weights]);
  }

  async loadModel(modelJson: string | null, weights: ArrayBuffer | null): Promise<LoadedModel> {
    await this.replacing;
    const graph = this.graph;
    if (!graph) throw new Error('Load a data set first: a model file holds weights for the graph it was trained on.');
    const file = parseModelFiles(modelJson, weights);
    const checked = checkModelSettings(file.meta.settings);
    if ('error' in checked) throw new ModelFileError('settings', `${MODEL_JSON_NAME}: ${checked.error}.`);
    checkGraph(file.meta, await this.graphIdentity());
    this.running = false;
    const notes: string[] = [];
    if (file.meta.appVersion !== APP_VERSION) notes.push(`Saved by version ${file.meta.appVersion} of the app (this is ${APP_VERSION}).`);
    const done = this.replacing.then(async () => {
      const trainer = await this.build(graph, checked.settings);
      let metrics: EpochResult;
      try {
        assignWeights(trainer, file);
        metrics = { epoch: file.meta.epoch, loss: NaN, ms: 0, ...(await trainer.evaluate(await trainer.embeddings())) };
        if (trainer.linkPredictor() && file.meta.splitFingerprint && file.meta.splitFingerprint !== (await this.splitFingerprintOf(trainer))) {
          notes.push('The link split differs from the one the model was trained on: its validation and test pairs may include pairs it trained on.');
        }
      } catch (e) {
        trainer.dispose();
        throw e;
      }
      await this.swap(graph, trainer, checked.settings);
      this.lastResult = metrics;
      this.status = 'paused';
      return metrics;
    });
    this.replacing = done.catch(() => undefined);
    const metrics = await done;
    return { settings: checked.settings, epoch: file.meta.epoch, appVersion: file.meta.appVersion, metrics, notes };
  }

  async splitFile(): Promise<string | null> {
    await this.replacing;
    const trainer = this.requireTrainer();
    const link = trainer.linkPredictor();
    if (!link) return null;
    return JSON.stringify(
      linkSplitToJson(
        link.split,
        this.graph!.nodes.map((n) => n.id),
      ),
    );
  }

  async fingerprints(): Promise<Fingerprints> {
    await this.replacing;
    const trainer = this.requireTrainer();
    return { data: (await this.graphIdentity()).fingerprint, split: await this.splitFingerprintOf(trainer) };
  }

  /** Fingerprints of the graph in use, computed once per graph. */
  private identity: { graph: DrugGraph; value: Promise<GraphIdentity> } | null = null;

  private graphIdentity(): Promise<GraphIdentity> {
    const graph = this.graph;
    if (!graph) throw new Error('No graph loaded.');
    if (this.identity?.graph !== graph) {
      const value = (async () => ({ fingerprint: await graphFingerprint(graph), nodeOrder: await nodeOrderFingerprint(graph.nodes.map((n) => n.id)) }))();
      this.identity = { graph, value };
    }
    return this.identity.value;
  }

  /** The link split's fingerprint per trainer (its split never changes). */
  private readonly splitFingerprints = new WeakMap<TrainerBase, Promise<string>>();

  private splitFingerprintOf(trainer: TrainerBase): Promise<string | null> {
    const link = trainer.linkPredictor();
    if (!link) return Promise.resolve(null);
    let p = this.splitFingerprints.get(trainer);
    if (!p) {
      p = splitFingerprint(link.split, trainer.graph.nodes?.map((n) => n.id) ?? []);
      this.splitFingerprints.set(trainer, p);
    }
    return p;
  }

  // ---- Checkpoints: the whole training state, for saved work that survives a reload.

  async checkpoint(): Promise<TrainerCheckpoint> {
    await this.replacing;
    const trainer = this.requireTrainer();
    const cp = await this.using(() => this.betweenEpochs(() => captureCheckpoint(trainer)));
    return Comlink.transfer(cp, checkpointBuffers(cp));
  }

  async packedCheckpoint(): Promise<PackedCheckpoint> {
    await this.replacing;
    const trainer = this.requireTrainer();
    return packCheckpoint(await this.using(() => this.betweenEpochs(() => captureCheckpoint(trainer))));
  }

  async restore(checkpoint: TrainerCheckpoint | PackedCheckpoint): Promise<TrainerUpdate> {
    await this.replacing;
    this.running = false;
    const trainer = this.requireTrainer();
    const cp = isPacked(checkpoint) ? await unpackCheckpoint(checkpoint) : checkpoint;
    await this.using(() => this.betweenEpochs(() => restoreCheckpoint(trainer, cp)));
    this.lastResult = null;
    this.status = trainer.earlyStop ? 'stopped' : trainer.epoch >= this.budget.epochs ? 'done' : trainer.epoch > 0 ? 'paused' : 'idle';
    // The teaching view's epoch slider starts again from the restored model.
    await this.using(() => this.teach.reset(trainer)).catch(() => undefined);
    return this.using(() => this.update(null, true));
  }

  /** Epochs and checkpoints take turns: a checkpoint never sees an epoch half done (e.g. stepped weights, old epoch count). */
  private epochTurn: Promise<unknown> = Promise.resolve();

  private betweenEpochs<T>(work: () => Promise<T>): Promise<T> {
    const p = this.epochTurn.then(work);
    this.epochTurn = p.catch(() => undefined);
    return p;
  }

  // ---- PyG hand-off: a PyTorch Geometric project of the current model (src/export/pyg/).

  async pygProject(): Promise<{ name: string; bytes: Uint8Array }> {
    const trainer = this.requireTrainer();
    const graph = this.graph;
    if (!graph) throw new Error('No graph loaded.');
    const inputs = await this.using(() =>
      pygInputsOf(
        trainer,
        graph.nodes.map((n) => n.id),
      ),
    );
    const given = this.fileSplit && splitApplies(this.fileSplit.split, inputs.settings.task) ? this.fileSplit.info.files.join(', ') : null;
    const splitName = given ? `from the file(s) ${given}` : `seeded (seed ${inputs.settings.seed})`;
    const files = buildPygProject({ graph, inputs, trainPy, splitName });
    const folder = pygFolderName(graph.name, inputs.settings);
    const bytes = zipPygProject(files, folder);
    return Comlink.transfer({ name: `${folder}.zip`, bytes }, [bytes.buffer]);
  }

  private runOneEpoch(forceView: boolean): Promise<TrainerUpdate> {
    const trainer = this.requireTrainer();
    return this.using(async () => {
      try {
        this.lastResult = await this.betweenEpochs(() => trainer.runEpoch());
        await this.teach.afterEpoch(trainer, this.lastResult.ms);
        return await this.update(this.lastResult, forceView);
      } catch (e) {
        this.running = false;
        this.status = 'error';
        const message = (e as Error).message;
        const stop = e instanceof TrainingDiverged ? { kind: 'diverged' as const, epoch: trainer.epoch, message } : null;
        return { status: 'error', metrics: null, edgeProbabilities: null, candidates: [], error: message, stop };
      }
    });
  }

  private using<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p)).catch(() => undefined);
    return p;
  }

  private async update(metrics: EpochResult | null, forceView: boolean): Promise<TrainerUpdate> {
    const trainer = this.requireTrainer();
    const now = performance.now();
    const withView = forceView || now - this.lastView >= VIEW_REFRESH_MS;
    let edgeProbabilities: Float32Array | null = null;
    let candidates: TrainerUpdate['candidates'] = [];
    const link = trainer.linkPredictor();
    if (withView && this.status !== 'error' && link) {
      this.lastView = now;
      const h = await trainer.embeddings();
      edgeProbabilities = await link.knownEdgeProbabilities(h);
      if (this.candidateScan.due(now, forceView)) {
        // Scanned in blocks, yielding between them so pause/reset get through on big graphs.
        const t0 = performance.now();
        const list = await link.candidates(this.budget.candidates, h, async () => (await nextTask(), true));
        if (trainer === this.trainer) {
          this.candidates = list.map((c) => ({ a: c.a, b: c.b, score: c.score, probability: link.strengthOf(c.score) }));
          this.candidateScan.record(t0, performance.now());
        }
      }
      candidates = this.candidates;
    }
    const stop = trainer.earlyStop ? { kind: 'early' as const, ...trainer.earlyStop } : null;
    return {
      status: this.status,
      metrics,
      edgeProbabilities,
      candidates,
      error: null,
      notes: trainer.featureNotes,
      stop,
      best: trainer.best,
      selectionMetric: trainer.selectionMetric,
    };
  }

  /**
   * A new model for the graph; the current one is untouched, so a failure here loses nothing. A split
   * from files is used when it is the task's kind (a link split for the link task, a type split for the
   * type task); other tasks draw their seeded split.
   */
  private async build(graph: DrugGraph, settings: ModelSettings, given: FileSplit | null = this.fileSplit): Promise<TrainerBase> {
    // Morgan fingerprints need RDKit, loaded on first use; other features are built synchronously.
    const morgan = featureKinds(settings.features).includes('morgan') ? morganFeatures(await loadRdkit(), graph.nodes) : undefined;
    const split = given && splitApplies(given.split, settings.task) ? given.split : undefined;
    const inputs = split === undefined ? {} : isTypeSplit(split) ? { typeSplit: split } : { split };
    return createTrainer({ ...graph, numNodes: graph.nodes.length }, settings, tf.getBackend(), { morgan, ...inputs });
  }

  /** Builds, then swaps; one replacement at a time, in the order asked. */
  private replaceModel(graph: DrugGraph, settings: ModelSettings, given: FileSplit | null): Promise<void> {
    const done = this.replacing.then(async () => this.swap(graph, await this.build(graph, settings, given), settings, given));
    this.replacing = done.catch(() => undefined);
    return done;
  }

  /** Makes a successfully built model current and only then frees the old one. */
  private async swap(graph: DrugGraph, trainer: TrainerBase, settings: ModelSettings, given: FileSplit | null = this.fileSplit): Promise<void> {
    // An epoch or view refresh of the old model may still be reading its tensors.
    if (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    const old = this.trainer;
    this.graph = graph;
    this.fileSplit = given;
    this.trainer = trainer;
    this.lastResult = null;
    this.candidates = [];
    this.candidateScan.reset();
    this.status = 'idle';
    this.budget = { epochs: settings.epochs, candidates: settings.candidates };
    old?.dispose();
    void this.using(() => this.teach.reset(trainer)).catch(() => undefined);
  }

  private requireTrainer(): TrainerBase {
    if (!this.trainer) throw new Error('No model: load a data set first.');
    return this.trainer;
  }

  private info(): BackendInfo {
    const b = this.backend!;
    const mode = this.trainer?.aggregationMode;
    const labels: Record<string, string> = {
      dense: 'dense adjacency matmul',
      sparse: 'sparse CSR product (typed arrays)',
      kernel: 'CSR kernel registered for this backend',
    };
    const aggregation = mode ? (labels[mode] ?? mode) : '—';
    return { chosen: b.chosen, probes: b.probes, aggregation, ...(b.wasmThreads && { wasmThreads: b.wasmThreads }) };
  }
}
