/**
 * The teaching view's actions: open the stepper on a drug (pausing training, resuming it on close),
 * move between screens, pick the Output partner, ask "why", show the receptive field and the
 * embedding view. Asks the trainer worker for the numbers and keeps the network highlight in step.
 */
import type cytoscape from 'cytoscape';
import type { PlaygroundController } from '../controller';
import { isHeuristicKind } from '../../settings/options';
import { nodeElementId } from '../graphElements';
import { findDrug } from './drugSearch';
import { NetworkHighlighter, type HighlightSpec } from './networkHighlight';
import { highlightFor, screensFor, screenVector, STEP_TITLES } from './screens';
import { createTeachStore, type TeachState, type TeachStore } from './teachStore';

/** A heuristic pair's common neighbours highlighted in the network at most (hubs can share hundreds). */
const HIGHLIGHTED_COMMON = 30;

/** Framing a small neighbourhood stops zooming in here, where labels are still a sensible size. */
const MAX_FRAME_ZOOM = 1.3;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** What `window.playground.snapshot().stepper` reports. */
export interface StepperSnapshot {
  drug: string;
  layer: number;
  step: string;
  /** Index of the screen and how many there are. */
  screen: number;
  screens: number;
  /** The vector on screen (full precision), or null on a Message screen (it shows one row per neighbour). */
  vector: number[] | null;
  /** Message screens: the rows shown, one per sender. */
  messages: { drug: string; vector: number[] }[] | null;
  /** Output screen: partner, score and probability. */
  output: { partner: string; score: number; probability: number } | null;
  epoch: number;
}

export class TeachController {
  readonly store: TeachStore;
  private highlighter: NetworkHighlighter | null = null;
  private cy: cytoscape.Core | null = null;
  /** Training was running when the stepper opened: resume it when the stepper closes. */
  private resume = false;
  private request = 0;
  private lastEpoch = -1;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly main: PlaygroundController) {
    this.store = createTeachStore();
    // Keep the numbers live: a new epoch (Step, or Play while the stepper is open) or a new graph.
    main.store.subscribe((s, prev) => {
      if (s.graph !== prev.graph) {
        // A new data set: the old drug index means nothing; the URL's drug may exist in the new one.
        this.resume = false;
        this.set({ node: null, explanation: null, heuristic: null, why: null, screen: 0, partner: null, hops: 0, projection: null });
        if (s.graph) void this.openFromSettings();
        return;
      }
      if (s.settings.drug !== prev.settings.drug) this.followUrl(s.settings.drug);
      const epoch = s.history.at(-1)?.epoch ?? 0;
      if (epoch !== this.lastEpoch && this.store.getState().node !== null) this.scheduleRefresh();
    });
    this.store.subscribe(() => this.highlight());
  }

  private get state(): TeachState {
    return this.store.getState();
  }

  private set(partial: Partial<TeachState>) {
    this.store.setState(partial);
  }

  /** The network view's instance (null while it is rebuilt): clicks on a drug open the stepper. */
  setNetwork(cy: cytoscape.Core | null): void {
    this.highlighter?.dispose();
    this.highlighter = null;
    this.cy = cy;
    if (!cy) return;
    this.highlighter = new NetworkHighlighter(cy);
    cy.on('tap', 'node', (e) => {
      const index = e.target.data('index');
      if (typeof index === 'number') void this.open(index);
    });
    this.highlight();
  }

  /** The URL's drug was edited by hand (or by back/forward): follow it. */
  private followUrl(drug: string): void {
    const graph = this.main.store.getState().graph;
    const open = this.state.node;
    if (!drug) return this.close();
    if (graph && (open === null || graph.nodes[open].id !== drug)) void this.openFromSettings();
  }

  /** `#drug=DB00682` in the URL. */
  async openFromSettings(): Promise<void> {
    const { settings, graph } = this.main.store.getState();
    if (!settings.drug || !graph) return;
    const i = findDrug(graph.nodes, settings.drug);
    if (i === null) this.set({ error: notInData(settings.drug, graph.name) });
    else await this.open(i);
  }

  async openDrug(query: string): Promise<boolean> {
    const graph = this.main.store.getState().graph;
    const i = graph ? findDrug(graph.nodes, query) : null;
    if (i === null) {
      this.set({ error: notInData(query, graph?.name) });
      return false;
    }
    await this.open(i);
    return true;
  }

  /** Opens the stepper on node i; pauses training first so the numbers stand still. */
  async open(i: number): Promise<void> {
    const { graph, status } = this.main.store.getState();
    if (!graph || i < 0 || i >= graph.nodes.length) return;
    if (status === 'training') {
      this.resume = true;
      await this.main.pause();
      await this.untilNotTraining();
    }
    const same = this.state.node === i;
    this.set({ node: i, screen: same ? this.state.screen : 0, partner: same ? this.state.partner : null, why: null, error: null });
    if (this.main.store.getState().settings.drug !== graph.nodes[i].id) void this.main.changeSettings({ drug: graph.nodes[i].id });
    await this.refresh();
  }

  /** Leaves the stepper; training that the stepper paused carries on. */
  close(): void {
    if (this.state.node === null) return;
    this.set({ node: null, explanation: null, heuristic: null, why: null, screen: 0, partner: null, hops: 0 });
    if (this.main.store.getState().settings.drug) void this.main.changeSettings({ drug: '' });
    if (this.resume) void this.main.play();
    this.resume = false;
  }

  get screens() {
    const e = this.state.explanation;
    return e ? screensFor(e.layers.length) : [];
  }

  /** Moves the stepper by `delta` screens (clamped). */
  step(delta: number): void {
    const n = this.screens.length;
    if (this.state.node === null || n === 0) return;
    this.set({ screen: Math.max(0, Math.min(n - 1, this.state.screen + Math.trunc(delta))) });
  }

  goTo(screen: number): void {
    this.step(screen - this.state.screen);
  }

  async setPartner(partner: number | null): Promise<void> {
    this.set({ partner, why: null });
    await this.refresh();
  }

  setHops(hops: number): void {
    this.set({ hops });
  }

  /** "Why this prediction" for the drug and its Output partner. */
  async explainWhy(): Promise<void> {
    const e = this.state.explanation;
    if (!e) return;
    this.set({ busy: true });
    try {
      this.set({ why: await this.main.trainer.explainPair(e.node, e.decoder.partner), error: null });
    } catch (err) {
      this.set({ error: message(err) });
    } finally {
      this.set({ busy: false });
    }
  }

  clearWhy(): void {
    this.set({ why: null });
  }

  async toggleEmbedding(open = !this.state.embeddingOpen): Promise<void> {
    this.set({ embeddingOpen: open });
    if (open) await this.loadProjection();
  }

  /** The projection recorded at or before `epoch` (latest when omitted). */
  async loadProjection(epoch?: number): Promise<void> {
    try {
      const projection = await this.main.trainer.embeddingProjection(epoch);
      const layer = this.state.projectionLayer;
      const count = projection?.layers.length ?? 0;
      this.set({ projection, projectionLayer: layer < 0 || layer >= count ? count - 1 : layer, error: null });
    } catch (err) {
      this.set({ error: message(err) });
    }
  }

  setProjectionLayer(layer: number): void {
    this.set({ projectionLayer: layer });
  }

  setHover(node: number | null): void {
    if (node !== this.state.hover) this.set({ hover: node });
  }

  startTour(): void {
    this.set({ tourStep: 0 });
  }

  setTourStep(step: number | null): void {
    this.set({ tourStep: step });
  }

  /** Re-asks the worker for the explanation of the open drug (after an epoch or a new partner). */
  /**
   * Re-explains the open node. Resolves once the newest explanation asked for is in: a request made
   * meanwhile (e.g. by the settings change that opening a drug makes) supersedes this one, and callers
   * such as open() must not go on with no explanation.
   */
  async refresh(): Promise<void> {
    let awaited = this.explainNow();
    this.latestRefresh = awaited;
    await awaited;
    while (this.latestRefresh !== awaited) {
      awaited = this.latestRefresh;
      await awaited;
    }
  }

  private latestRefresh: Promise<void> = Promise.resolve();

  private async explainNow(): Promise<void> {
    const node = this.state.node;
    if (node === null) return;
    const ticket = ++this.request;
    this.set({ busy: true });
    try {
      // A heuristic has no layers to step through: the pair's score term by term instead.
      if (isHeuristicKind(this.main.store.getState().settings.model)) {
        const heuristic = await this.main.trainer.explainHeuristicPair(node, this.state.partner ?? undefined);
        if (ticket !== this.request || this.state.node !== node) return;
        const first = this.state.heuristic?.a !== node;
        this.set({ heuristic, explanation: null, screen: 0, error: null });
        if (first) this.frame([node, heuristic.b]);
        return;
      }
      const explanation = await this.main.trainer.explainNode(node, this.state.partner ?? undefined);
      if (ticket !== this.request || this.state.node !== node) return;
      this.lastEpoch = explanation.epoch;
      const first = this.state.explanation?.node !== node;
      const screens = screensFor(explanation.layers.length).length;
      this.set({ explanation, heuristic: null, screen: Math.min(this.state.screen, screens - 1), error: null });
      if (first) this.frame([node, ...explanation.hops[0]]);
      if (this.state.embeddingOpen) await this.loadProjection();
    } catch (err) {
      if (ticket === this.request) this.set({ error: message(err) });
    } finally {
      if (ticket === this.request) this.set({ busy: false });
    }
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.refresh();
    }, 300);
  }

  private untilNotTraining(timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve) => {
      if (this.main.store.getState().status !== 'training') return resolve();
      const timer = setTimeout(done, timeoutMs);
      const unsubscribe = this.main.store.subscribe((s) => s.status !== 'training' && done());
      function done() {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  }

  /** The stepper as the automation hook reports it, or null when closed or not loaded yet. */
  snapshot(): StepperSnapshot | null {
    const { node, explanation: e, screen } = this.state;
    const graph = this.main.store.getState().graph;
    if (node === null || !e || !graph || e.node !== node) return null;
    const screens = screensFor(e.layers.length);
    const s = screens[screen];
    const layer = e.layers[s.layer - 1];
    return {
      drug: graph.nodes[node].id,
      layer: s.layer,
      step: STEP_TITLES[s.kind].toLowerCase(),
      screen,
      screens: screens.length,
      vector: screenVector(s, e),
      messages: s.kind === 'message' ? layer.neighbours.map((n) => ({ drug: graph.nodes[n.node].id, vector: n.message })) : null,
      output: s.kind === 'output' ? { partner: graph.nodes[e.decoder.partner].id, score: e.decoder.score, probability: e.decoder.probability } : null,
      epoch: e.epoch,
    };
  }

  private highlight(): void {
    if (!this.highlighter) return;
    const { node, explanation: e, screen, hops, why, hover, heuristic } = this.state;
    if (node !== null && heuristic?.a === node) {
      // The pair and the common neighbours that make its score.
      const senders = heuristic.common.slice(0, HIGHLIGHTED_COMMON).map((t) => t.node);
      this.highlighter.show({ focus: node, senders, flow: false, partner: heuristic.b, rings: [], why: [], hover });
      return;
    }
    if (node === null || !e || e.node !== node) {
      this.highlighter.show(hover !== null ? { focus: hover, senders: [], flow: false, partner: null, rings: [], why: [], hover } : null);
      return;
    }
    const s = screensFor(e.layers.length)[screen];
    const h = why ? { focus: node, senders: [], flow: false, partner: why.b } : highlightFor(s, e);
    const spec: HighlightSpec = { ...h, rings: hops > 0 ? e.hops.slice(0, hops) : [], why: why?.edges ?? [], hover };
    this.highlighter.show(spec);
  }

  /** Zooms the network onto v and its direct neighbours, so the messages' paths can be followed (not so close that labels swamp it). */
  private frame(nodes: number[]): void {
    const cy = this.cy;
    if (!cy || cy.destroyed()) return;
    let eles = cy.collection();
    for (const i of nodes) eles = eles.union(cy.$id(nodeElementId(i)));
    if (eles.empty()) return;
    cy.fit(eles, 60);
    const box = eles.renderedBoundingBox();
    if (cy.zoom() > MAX_FRAME_ZOOM) cy.zoom({ level: MAX_FRAME_ZOOM, renderedPosition: { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 } });
  }
}

/** The message for a drug id (from the URL or a search) that the graph does not have. */
export function notInData(drug: string, graphName?: string): string {
  return `Drug ${drug} is not in the loaded data${graphName ? ` (${graphName})` : ''}.`;
}
