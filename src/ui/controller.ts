/**
 * The page's actions: load data, change settings, drive training. Talks to the trainer worker
 * through the typed protocol and writes results into the store; React components only read the
 * store and call these methods.
 */
import * as Comlink from 'comlink';
import { findBuiltin } from '../data/builtinDatasets';
import type { DrugGraph, LoadReport } from '../data/graph';
import { DEFAULT_SETTINGS, FILES_DATASET, modelSettingsOf, SETTINGS, type AppSettings } from '../settings/schema';
import { settingsFromHash, settingsToHash } from '../settings/urlHash';
import type { LoadedModel, SplitTexts, TrainerUpdate } from '../workers/protocol';
import type { ModelInput } from './modelInput';
import { RunLog } from './runs/runLog';
import { UpdatePacer } from './updatePacer';
import { closeRun } from './runs/runs';
import type { PackedCheckpoint, TrainerCheckpoint } from '../model/checkpointFormat';
import type { SavedSession } from './savedWork/db';
import type { PlaygroundStore } from './store';
import { startTrainerWorker, type TrainerClient } from './trainerClient';

/** Settings that change the epoch budget or candidate count: the trained model is kept. */
const BUDGET_KEYS: (keyof AppSettings)[] = ['epochs', 'candidates'];
/** Settings of the network view only, and the sweep's length (read when Play is pressed): nothing to tell the worker. */
export const VIEW_KEYS: (keyof AppSettings)[] = [
  'maxEdges',
  'minStrength',
  'focus',
  'hide',
  'hops',
  'renderer',
  'drug',
  'present',
  'tour',
  'seeds',
  'isolation',
  // Read by the next load (dataLoader), not by the model.
  'proteins',
];
/** The Seed control's largest value: a sweep stops before it would pass it. */
const MAX_SEED = SETTINGS.seed.max;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Resolves once the page has painted twice since the call, or after `ms` (hidden tabs paint no frames). */
function afterPaint(ms = 1500): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          resolve();
        }, 0),
      ),
    );
  });
}

/** Saved work as a resume needs it. */
export interface ResumableWork {
  graph: DrugGraph;
  report: LoadReport;
  session: SavedSession;
  checkpoint: TrainerCheckpoint | PackedCheckpoint | null;
}

/**
 * Parses a data set at a URL and completes the load `token` with it (the DataLoader, through the parse
 * worker): the page itself carries no parser, so built-in sets load like any other file.
 */
export interface DatasetSource {
  loadDataset(token: number, url: string, name: string, dataset: string): Promise<void>;
}

/** The store's view of a model that has not trained yet. */
const NO_RUN_STATE = { stop: null, best: null, typeReport: null, multilabelReport: null } as const;

/** While training plays, the page shows the worker's updates at most this often (see updatePacer.ts). */
const UPDATE_INTERVAL_MS = 250;

export class PlaygroundController {
  private client: TrainerClient;
  private readonly runs: RunLog;
  private readonly updates = new UpdatePacer<TrainerUpdate>((list) => list.forEach((u) => this.apply(u)), UPDATE_INTERVAL_MS);
  /** Set once at start-up (main.tsx): the loader that parses built-in sets. */
  datasetSource: DatasetSource | null = null;

  constructor(
    readonly store: PlaygroundStore,
    private readonly startWorker: () => TrainerClient = startTrainerWorker,
  ) {
    this.client = startWorker();
    this.runs = new RunLog(store);
  }

  private get api() {
    return this.client.api;
  }

  /** The trainer worker's API, for views that ask it questions (the teaching stepper). */
  get trainer() {
    return this.client.api;
  }

  private set(partial: Partial<ReturnType<PlaygroundStore['getState']>>) {
    this.updates.flush();
    this.store.setState(partial);
  }

  /** Ends the run in progress (its model is being replaced), after the updates it has sent. */
  private endRun(): void {
    this.updates.flush();
    this.runs.close();
  }

  /** A worker update, shown at once when training has stopped and paced while it plays. */
  private receive(u: TrainerUpdate): void {
    this.updates.push(u, u.status !== 'training');
  }

  /** Starts the backend, then loads the data set named in the settings. */
  async start(): Promise<void> {
    // In parallel: the data set downloads and parses while the worker proves its backend.
    await Promise.all([this.initBackend(), this.loadBuiltin(this.store.getState().settings.dataset)]);
  }

  async initBackend(): Promise<void> {
    const pref = this.store.getState().settings.backend;
    try {
      const backend = await this.api.init(pref === 'auto' ? undefined : pref, this.store.getState().settings.threads);
      performance.mark('playground:backend-ready', { detail: { backend: backend.chosen } });
      this.set({ backend });
    } catch (e) {
      this.set({ error: message(e), status: 'error' });
    }
  }

  async loadBuiltin(id: string): Promise<void> {
    if (id === FILES_DATASET) {
      // A link made after loading local files: those files cannot be fetched again from here.
      this.set({
        dataNotice:
          'This link was made with data loaded from files, which a link cannot reopen: nothing was loaded. ' +
          'Open the same files again (Open files… or drop them on the page), or pick a built-in data set.',
      });
      return;
    }
    const dataset = findBuiltin(id);
    if (!dataset) {
      this.set({ loadError: `Unknown data set “${id}”.` });
      return;
    }
    const token = this.beginLoad(dataset.label);
    if (!this.datasetSource) return this.endLoad(token, 'No data loader is attached to the page.');
    await this.datasetSource.loadDataset(token, new URL(dataset.path, document.baseURI).href, dataset.label, dataset.id);
  }

  /**
   * Loads can overlap (a file dropped while the demo still loads): each gets a token and only the
   * newest one may replace the graph or clear the progress display.
   */
  private loadToken = 0;

  beginLoad(label: string): number {
    this.set({ loading: label, loadStage: null, loadError: null, progress: null });
    return ++this.loadToken;
  }

  isCurrentLoad(token: number): boolean {
    return token === this.loadToken;
  }

  /** `dataset`: the built-in set's id, or FILES_DATASET for files and `?data=` links (the URL then says so). */
  async completeLoad(token: number, graph: DrugGraph, report: LoadReport, dataset: string = FILES_DATASET): Promise<void> {
    if (!this.isCurrentLoad(token)) return;
    try {
      this.set({ progress: null, loadStage: 'building the model' });
      await this.useGraph(graph, report);
      this.loadedDataset = dataset;
      this.setDataset(dataset);
      this.endLoad(token);
    } catch (e) {
      this.endLoad(token, message(e));
    }
  }

  /** Ends a load; an error message is shown while the graph already loaded stays. */
  endLoad(token: number, error?: string): void {
    if (!this.isCurrentLoad(token)) return;
    this.set({ loading: null, loadStage: null, progress: null, loadError: error ?? null });
    // The URL and the data set menu go back to naming the data still in use.
    if (error && this.loadedDataset !== null) this.setDataset(this.loadedDataset);
  }

  /** Where the graph in use came from: a built-in set's id or FILES_DATASET; null before any load. */
  private loadedDataset: string | null = null;

  private setDataset(dataset: string): void {
    if (this.store.getState().settings.dataset === dataset) return;
    const settings = { ...this.store.getState().settings, dataset };
    this.set({ settings });
    this.writeHash(settings);
  }

  /** Makes a parsed graph current and builds a fresh model on it. Keeps the old one if that fails. */
  async useGraph(graph: DrugGraph, report: LoadReport): Promise<void> {
    const settings = this.store.getState().settings;
    await this.api.pause();
    const backend = await this.api.setup(graph, modelSettingsOf(settings));
    performance.mark('playground:model-ready');
    this.endRun();
    this.set({
      graph,
      report,
      backend,
      history: [],
      error: null,
      edgeProbabilities: null,
      candidates: [],
      trainerNotes: [],
      dataNotice: null,
      // New data starts on its seeded split (the worker's setup dropped any split files).
      fileSplit: null,
      splitNotice: null,
      ...NO_RUN_STATE,
    });
    // The view is drawn from the graph alone; the untrained model's predictions colour it when they come.
    if (this.store.getState().loading) this.set({ loadStage: 'first predictions (the view is ready)' });
    // Asked for once the new view is on screen: under a software GPU the worker's WebGL work holds
    // up the page's frames, and on a big graph the first predictions take seconds.
    await afterPaint();
    this.receive(await this.api.snapshot());
  }

  /**
   * Puts saved work back (see savedWork/): its graph, settings (the backend stays this page's), runs
   * table and history, and the model from its checkpoint without retraining. If the graph cannot be
   * set up, what is on the page stays; a checkpoint that does not fit leaves a fresh model of the
   * same settings, with a message. Returns that message, or null.
   */
  async resumeSaved(work: ResumableWork): Promise<string | null> {
    const { graph, report, session, checkpoint } = work;
    // Defaults first: a session saved before a setting existed lacks it.
    const settings: AppSettings = { ...DEFAULT_SETTINGS, ...session.settings, backend: this.store.getState().settings.backend };
    const token = this.beginLoad(`saved work: ${graph.name}`);
    try {
      await this.api.pause();
      const backend = await this.api.setup(graph, modelSettingsOf(settings));
      let update: TrainerUpdate | null = null;
      let problem: string | null = null;
      // The saved model trained on split files: they come back first, so its checkpoint meets its own split.
      const fileSplit = session.fileSplit
        ? { ...(await this.api.useSplit(session.fileSplit.texts, modelSettingsOf(settings)))!, texts: session.fileSplit.texts }
        : null;
      if (checkpoint) {
        try {
          update = await this.api.restore(checkpoint);
        } catch (e) {
          problem = `The saved model could not be restored (${message(e)}); a fresh model with the same settings is ready instead.`;
        }
      }
      // The saved runs table replaces this session's; a run whose model could not come back is closed.
      const runs = problem ? session.runs.map((r) => (r.id === session.currentRun ? closeRun(r) : r)) : session.runs;
      this.set({
        settings,
        graph,
        report,
        backend,
        runs,
        currentRun: problem ? null : session.currentRun,
        nextRunId: session.nextRunId,
        history: problem ? [] : session.history,
        stop: problem ? null : session.stop,
        best: problem ? null : session.best,
        error: problem,
        edgeProbabilities: null,
        candidates: [],
        trainerNotes: [],
        dataNotice: null,
        fileSplit,
        splitNotice: null,
      });
      this.writeHash(settings);
      this.loadedDataset = settings.dataset;
      this.endLoad(token);
      await afterPaint();
      this.receive(update ?? (await this.api.snapshot()));
      return problem;
    } catch (e) {
      this.endLoad(token, `saved work “${graph.name}”: ${message(e)}`);
      throw e;
    }
  }

  async changeSettings(partial: Partial<AppSettings>): Promise<void> {
    const before = this.store.getState().settings;
    const settings = { ...before, ...partial };
    this.set({ settings });
    this.writeHash(settings);
    const changed = (Object.keys(partial) as (keyof AppSettings)[]).filter((k) => partial[k] !== before[k]);
    if (changed.length === 0) return;
    if (changed.includes('backend') || changed.includes('threads')) return this.restartWorker();
    if (changed.includes('dataset')) return this.loadBuiltin(settings.dataset);
    if (changed.every((k) => VIEW_KEYS.includes(k))) return;
    if (changed.every((k) => BUDGET_KEYS.includes(k) || VIEW_KEYS.includes(k))) {
      // A longer or shorter run, or more candidates: keep the trained model.
      this.runs.setBudget(settings.epochs);
      await this.api.setBudget(settings.epochs, settings.candidates);
      // A longer list is scanned now; while training plays, the next view refresh brings it.
      if (changed.includes('candidates') && this.store.getState().graph && this.store.getState().status !== 'training') this.receive(await this.api.snapshot());
      return;
    }
    return this.reset(settings);
  }

  /** Loads a built-in data set, also when it is already the one named in the settings. */
  async selectBuiltin(id: string): Promise<void> {
    if (id === this.store.getState().settings.dataset) return this.loadBuiltin(id);
    return this.changeSettings({ dataset: id });
  }

  /** Reads settings from the URL again (the user edited the hash by hand). */
  async applyHash(hash: string): Promise<void> {
    const { settings, warnings } = settingsFromHash(hash);
    this.set({ urlWarnings: warnings });
    await this.changeSettings(settings);
  }

  async play(): Promise<void> {
    const { graph, settings, sweep } = this.store.getState();
    if (!graph || sweep) return;
    if (settings.seeds > 1) return this.playSweep(settings.seeds);
    return this.playOne();
  }

  /** Set by Pause (and Reset) to end a seed sweep after the run in progress. */
  private sweepCancelled = false;

  /**
   * Repeat over seeds: trains `size` fresh models one after another, with the Seed control's seed, then
   * seed + 1, …, each through the usual run lifecycle (a settings change to the next seed, then Play).
   * Their rows carry one sweep tag, so the runs table can add their mean ± std. A run that ends other than
   * by its budget or early stopping (Pause, Reset, an error) ends the sweep.
   */
  private async playSweep(size: number): Promise<void> {
    this.sweepCancelled = false;
    const first = this.store.getState().settings.seed;
    const id = this.store.getState().nextRunId;
    try {
      for (let index = 0; index < size && first + index <= MAX_SEED; index++) {
        const seed = first + index;
        this.set({ sweep: { index, size, seed } });
        // Every run of the sweep starts from an untrained model: the first one too, if the model in use has trained.
        if (index > 0) await this.changeSettings({ seed });
        else if (this.store.getState().history.length > 0) await this.reset();
        if (this.sweepCancelled) return;
        this.runs.tagNextRun({ id, index, size });
        await this.playOne();
        const { status } = this.store.getState();
        if (this.sweepCancelled || (status !== 'done' && status !== 'stopped')) return;
      }
    } finally {
      this.runs.tagNextRun(null);
      this.set({ sweep: null });
    }
  }

  private async playOne(): Promise<void> {
    this.set({ status: 'training' });
    try {
      await this.api.play(Comlink.proxy((u: TrainerUpdate) => this.receive(u)));
    } catch (e) {
      this.set({ status: 'error', error: message(e) });
    }
  }

  async pause(): Promise<void> {
    this.sweepCancelled = true;
    await this.api.pause();
  }

  async step(): Promise<void> {
    if (!this.store.getState().graph) return;
    this.receive(await this.api.step());
  }

  async reset(settings = this.store.getState().settings): Promise<void> {
    try {
      await this.api.reset(modelSettingsOf(settings));
    } catch (e) {
      // The worker kept the previous model: say why, and let training go on with it.
      this.set({ error: `Could not build a model with these settings: ${message(e)} The previous model is kept.` });
      return;
    }
    this.endRun();
    this.set({ history: [], error: null, status: 'idle', trainerNotes: [], ...NO_RUN_STATE });
    this.receive(await this.api.snapshot());
  }

  /**
   * Makes split files the loaded graph's split (null: back to the seeded split) and builds a fresh model on
   * it. A type split (SumGNN's folder) trains the type task and a link-split file the link task, so the
   * Task control follows the files. Files that do not fit the graph leave everything as it was.
   */
  async useSplitFiles(texts: SplitTexts | null): Promise<void> {
    const { graph, settings } = this.store.getState();
    if (!graph) {
      this.set({ splitNotice: { text: 'Load the data the split was made for first: a split file names its drugs and pairs.', error: true } });
      return;
    }
    const task = texts === null ? settings.task : texts.kind;
    const next = task === settings.task ? settings : { ...settings, task };
    this.sweepCancelled = true;
    await this.api.pause();
    let info;
    try {
      info = await this.api.useSplit(texts, modelSettingsOf(next));
    } catch (e) {
      const kept = this.store.getState().fileSplit ? 'the split files in use stay' : 'the seeded split stays';
      this.set({ splitNotice: { text: `The split was not applied: ${message(e)} Nothing changed: ${kept}.`, error: true } });
      return;
    }
    this.endRun();
    const taskNote = task === settings.task ? '' : ` Task set to ${task === 'type' ? 'interaction types' : 'link prediction'}, the split's task.`;
    this.set({
      settings: next,
      fileSplit: info && texts ? { ...info, texts } : null,
      splitNotice: info ? (taskNote ? { text: taskNote.trim(), error: false } : null) : null,
      history: [],
      error: null,
      status: 'idle',
      trainerNotes: [],
      ...NO_RUN_STATE,
    });
    this.writeHash(next);
    this.receive(await this.api.snapshot());
  }

  /** Puts a run's model settings into the controls and the URL (a fresh model; weights are not kept). */
  async restoreRun(id: number): Promise<void> {
    const run = this.store.getState().runs.find((r) => r.id === id);
    if (run) await this.changeSettings(run.settings);
  }

  /**
   * Loads a saved model onto the graph in use: the worker builds it from the file's settings, which
   * then replace the controls' (and the URL's). A refused file changes nothing; the notice says why.
   */
  async loadModel(input: ModelInput): Promise<boolean> {
    const notice = (text: string, error: boolean) => this.set({ modelNotice: { text, error } });
    if (!this.store.getState().graph) {
      notice(`${input.name}: load a data set first; a model holds weights for the graph it was trained on.`, true);
      return false;
    }
    await this.api.pause();
    let loaded: LoadedModel;
    try {
      loaded = await this.api.loadModel(input.modelJson, input.weights ? Comlink.transfer(input.weights, [input.weights]) : null);
    } catch (e) {
      notice(`${input.name} was not loaded: ${message(e)} The model in use stays.`, true);
      return false;
    }
    const before = this.store.getState().settings;
    const settings: AppSettings = { ...before, ...loaded.settings };
    const changed = (Object.keys(loaded.settings) as (keyof AppSettings)[]).filter((k) => before[k] !== settings[k]);
    this.set({ settings, history: [loaded.metrics], error: null, trainerNotes: [], ...NO_RUN_STATE, best: loaded.metrics });
    this.writeHash(settings);
    const update = await this.api.snapshot();
    this.runs.startLoaded(input.name, loaded.metrics, loaded.appVersion, update.selectionMetric ?? '');
    this.receive(update);
    const what =
      changed.length === 0
        ? 'its settings are the ones already set'
        : `its settings replace the controls’: ${changed.map((k) => `${SETTINGS[k].key}=${String(settings[k])}`).join(', ')}`;
    notice(`Loaded ${input.name}: weights of epoch ${loaded.epoch}; ${what}.${loaded.notes.map((n) => ` ${n}`).join('')}`, false);
    return true;
  }

  /** `?model=<url>`: the zip, or model.json with its weights beside it; same-origin or https like data links. */
  async loadModelUrl(url: string): Promise<boolean> {
    this.set({ modelNotice: { text: `Loading the model from ${url}…`, error: false } });
    let input: ModelInput;
    try {
      // Loaded here, not at start-up: the unzip code (fflate) is only needed for a model link.
      const { modelFromUrl } = await import('./modelInput');
      input = await modelFromUrl(url, document.baseURI);
    } catch (e) {
      this.set({ modelNotice: { text: `The model link was not loaded: ${message(e)}`, error: true } });
      return false;
    }
    return this.loadModel(input);
  }

  /** Run cards name the data and split: asked of the worker once per run, in the background. */
  private fingerprintsAsked = new Set<number>();

  private askFingerprints(): void {
    const { currentRun, runs } = this.store.getState();
    if (currentRun === null || this.fingerprintsAsked.has(currentRun) || runs.find((r) => r.id === currentRun)?.fingerprints) return;
    this.fingerprintsAsked.add(currentRun);
    this.api.fingerprints().then(
      (fingerprints) => this.runs.patch(currentRun, { fingerprints }),
      () => undefined, // a model replaced meanwhile: the card says the fingerprint is unknown
    );
  }

  removeRun(id: number): void {
    this.runs.remove(id);
  }

  private async restartWorker(): Promise<void> {
    this.client.terminate();
    this.client = this.startWorker();
    this.endRun();
    this.set({ backend: null, status: 'idle', history: [], ...NO_RUN_STATE });
    await this.initBackend();
    const { graph, report, fileSplit } = this.store.getState();
    if (graph && report) await this.useGraph(graph, report);
    // The new worker knows nothing of the split files: they are applied again.
    if (graph && fileSplit) await this.useSplitFiles(fileSplit.texts);
  }

  private apply(u: TrainerUpdate): void {
    this.runs.record(u);
    this.askFingerprints();
    const state = this.store.getState();
    const partial: Partial<ReturnType<PlaygroundStore['getState']>> = { status: u.status, error: u.error, stop: u.stop ?? null };
    if (u.best !== undefined) partial.best = u.best;
    if (u.typeReport !== undefined) partial.typeReport = u.typeReport;
    if (u.multilabelReport !== undefined) partial.multilabelReport = u.multilabelReport;
    if (u.metrics && u.metrics.epoch !== state.history.at(-1)?.epoch) partial.history = [...state.history, u.metrics];
    if (u.edgeProbabilities) {
      partial.edgeProbabilities = u.edgeProbabilities;
      partial.candidates = u.candidates;
    }
    if (u.notes) partial.trainerNotes = u.notes;
    this.set(partial);
  }

  private writeHash(settings: AppSettings): void {
    const hash = settingsToHash(settings);
    // The full path: replaceState('') would keep the old fragment when every setting is a default.
    if (location.hash !== hash) history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  }

  /** Puts the current settings into the URL (at start-up, so the URL always tells the run). */
  syncHash(): void {
    this.writeHash(this.store.getState().settings);
  }

  dispose(): void {
    this.client.terminate();
  }
}
