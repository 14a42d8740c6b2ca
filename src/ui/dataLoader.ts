/**
 * Loading data: files dropped or picked, `?data=<url>` links and the built-in sets. Parsing runs in the parse
 * worker; the column dialog asks the user to confirm the columns of tables that are not a known
 * dialect. On any failure the graph and model already loaded stay as they were.
 *
 * Files dropped or picked while the user's own data is loaded first ask whether to add them to it
 * or replace it. A dialog whose load is overtaken (a later load began, or the graph changed) closes.
 */
import * as Comlink from 'comlink';
import { graphAsFile } from '../data/graphAsInput';
import { FILES_DATASET } from '../settings/schema';
import type { ColumnDetection, ColumnMapping } from '../data/table/layout';
import type { ParseProgress, ParseResult } from '../data/parseResult';
import type { ParserLoadOptions } from '../workers/protocol';
import type { DatasetSource, PlaygroundController } from './controller';
import { progressView } from './loadProgress';
import { startParserWorker, type ParserClient } from './parserClient';
import { tablesToConfirm } from './typed/columnKinds';
import { pickSplitFiles, type PickedFiles } from './splitFiles';

/** Files that may be tables (and so may need their columns confirmed). */
const TABLE_NAME = /\.(csv|tsv|tab|txt)(\.gz)?$/i;

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/^LoadError: /, '');

/** What to do with files when a graph is loaded: ask the user (drop, Open files…), add, or replace. */
export type LoadMode = 'ask' | 'add' | 'replace';

export class DataLoader implements DatasetSource {
  private client: ParserClient | null = null;
  /** Rejects whatever the page is waiting for from the parse worker (see cancel). */
  private cancelWaits = new Set<(e: Error) => void>();
  private pendingDialog: ((mappings: Record<string, ColumnMapping> | null) => void) | null = null;
  /** The load the column dialog belongs to. */
  private dialogToken = -1;
  private pendingChoice: ((choice: 'add' | 'replace' | null) => void) | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly controller: PlaygroundController,
    private readonly startWorker: () => ParserClient = startParserWorker,
  ) {
    this.unsubscribe = this.store.subscribe((s, prev) => {
      // A dialog about data that is gone is closed, as if cancelled.
      if (this.pendingDialog && !this.controller.isCurrentLoad(this.dialogToken)) this.resolveColumns(null);
      if (this.pendingChoice && (s.graph !== prev.graph || (s.loading !== null && prev.loading === null))) this.resolveAddOrReplace(null);
    });
  }

  private get api() {
    this.client ??= this.startWorker();
    return this.client.api;
  }

  private get store() {
    return this.controller.store;
  }

  /**
   * `mode`: 'ask' (the page's drop and Open files…) asks "add or replace?" when the user's own data is
   * loaded; 'add' merges the files into the graph in use through the same loader as files dropped
   * together (the graph goes in as drug-graph JSON); 'replace' loads them alone.
   */
  async loadFiles(files: File[], mode: LoadMode = 'replace'): Promise<void> {
    if (files.length === 0) return;
    // Split files (link-split/1 JSON, SumGNN's folder) are not data: they become the split of the graph
    // loaded, after the data dropped with them if any.
    let picked: PickedFiles;
    try {
      picked = await pickSplitFiles(files);
    } catch (e) {
      this.store.setState({ splitNotice: { text: `${errorText(e)} Nothing was loaded.`, error: true } });
      return;
    }
    if (picked.split) {
      if (picked.data.length > 0) {
        const before = this.store.getState().graph;
        await this.loadData(picked.data, mode);
        const after = this.store.getState();
        if (after.graph === before || after.loadError) return; // not loaded: the split has no graph of its own
      }
      return this.controller.useSplitFiles(picked.split);
    }
    return this.loadData(files, mode);
  }

  private async loadData(files: File[], mode: LoadMode): Promise<void> {
    const current = this.store.getState().graph;
    if (mode === 'ask') {
      const own = current !== null && this.store.getState().settings.dataset === FILES_DATASET;
      const choice = own ? await this.askAddOrReplace(files) : 'replace';
      if (choice === null) return; // cancelled: nothing was touched
      mode = choice;
    }
    const base = mode === 'add' ? this.store.getState().graph : null;
    const all = base ? [graphAsFile(base), ...files] : files;
    const label = files.map((f) => f.name).join(', ');
    const token = this.controller.beginLoad(base ? `${label} (added to ${base.name})` : label);
    try {
      const mappings = await this.cancellable(this.confirmColumns(files, token, base !== null));
      if (mappings === null) return this.controller.endLoad(token); // the user closed the dialog
      const name = base ? `${base.name} + ${label}` : undefined;
      await this.run(token, (opts, onProgress) => this.api.load(all, opts, onProgress), { columnMappings: mappings, name });
    } catch (e) {
      const text = errorText(e);
      this.controller.endLoad(token, /cancelled/.test(text) ? undefined : text);
    }
  }

  async loadUrls(urls: string[]): Promise<void> {
    const absolute = urls.map((u) => new URL(u, document.baseURI).href);
    const token = this.controller.beginLoad(absolute.join(', '));
    await this.run(token, (opts, onProgress) => this.api.loadUrl(absolute, opts, onProgress), {});
  }

  /** A built-in data set (controller.loadBuiltin): parsed in the worker like any file, named `name`. */
  async loadDataset(token: number, url: string, name: string, dataset: string): Promise<void> {
    await this.run(token, (opts, onProgress) => this.api.loadUrl([url], opts, onProgress), { name }, dataset);
  }

  /**
   * Cancel always works: a worker busy in synchronous work would never read a cancel message, so it is
   * terminated (the next load starts a fresh one) and the waits for it end here. The graph and model
   * already loaded live in the page and the trainer worker and stay as they were.
   */
  async cancel(): Promise<void> {
    this.releaseWorker();
    const waits = [...this.cancelWaits];
    this.cancelWaits.clear();
    for (const reject of waits) reject(new Error('loading was cancelled.'));
  }

  /** `p`, unless cancel() comes first. */
  private cancellable<T>(p: Promise<T>): Promise<T> {
    let reject!: (e: Error) => void;
    const cancelled = new Promise<never>((_, r) => (reject = r));
    this.cancelWaits.add(reject);
    return Promise.race([p, cancelled]).finally(() => this.cancelWaits.delete(reject));
  }

  /** Called by the add-or-replace dialog: the user's choice, or null to leave everything as it is. */
  resolveAddOrReplace(choice: 'add' | 'replace' | null): void {
    this.store.setState({ addOrReplace: null });
    const resolve = this.pendingChoice;
    this.pendingChoice = null;
    resolve?.(choice);
  }

  private askAddOrReplace(files: File[]): Promise<'add' | 'replace' | null> {
    this.resolveAddOrReplace(null); // an earlier question still open is dropped
    return new Promise((resolve) => {
      this.pendingChoice = resolve;
      this.store.setState({ addOrReplace: { files: files.map((f) => f.name), graph: this.store.getState().graph?.name ?? '' } });
    });
  }

  /** Called by the column dialog: the user's mappings, or null to abandon the load. */
  resolveColumns(mappings: Record<string, ColumnMapping> | null): void {
    const resolve = this.pendingDialog;
    this.pendingDialog = null;
    this.store.setState({ columnDialog: null });
    resolve?.(mappings);
  }

  private async confirmColumns(files: File[], token: number, adding: boolean): Promise<Record<string, ColumnMapping> | null> {
    const tables = files.filter((f) => TABLE_NAME.test(f.name));
    const detections: ColumnDetection[] = [];
    for (const f of tables) detections.push(await this.api.detectColumns(f));
    const unsure = tablesToConfirm(detections, !adding && tables.length === files.length);
    const confirmed: Record<string, ColumnMapping> = {};
    if (unsure.length === 0) return confirmed;
    if (!this.controller.isCurrentLoad(token)) return null; // overtaken while detecting
    this.resolveColumns(null); // a dialog of an earlier load still open is closed
    this.dialogToken = token;
    return new Promise((resolve) => {
      this.pendingDialog = resolve;
      this.store.setState({ columnDialog: unsure });
    });
  }

  private async run(
    token: number,
    load: (opts: ParserLoadOptions, onProgress: (p: ParseProgress) => void) => Promise<ParseResult>,
    options: ParserLoadOptions,
    dataset?: string,
  ): Promise<void> {
    const startedAt = performance.now();
    try {
      const onProgress = Comlink.proxy((p: ParseProgress) => {
        if (this.controller.isCurrentLoad(token)) this.store.setState({ progress: progressView(p, startedAt, performance.now()) });
      });
      // Every load reads files with the page's load settings.
      const withSettings = { drugbankProteins: this.store.getState().settings.proteins, ...options };
      const { graph, report } = await this.cancellable(load(withSettings, onProgress));
      // For tests and profiling: the parsed graph has arrived on the page.
      performance.mark('playground:parsed', { detail: { edges: graph.edgeSrc.length } });
      await this.controller.completeLoad(token, graph, report, dataset);
    } catch (e) {
      const text = errorText(e);
      // A cancelled load is the user's choice, not an error worth a red banner.
      this.controller.endLoad(token, /cancelled/.test(text) ? undefined : text);
    } finally {
      // An idle parse worker kept 100–200 MB after ogbl-ddi (its garbage is not collected while it
      // waits); the next load starts a fresh one. Not while a newer load may be using it.
      if (this.controller.isCurrentLoad(token)) this.releaseWorker();
    }
  }

  private releaseWorker(): void {
    this.client?.terminate();
    this.client = null;
  }

  dispose(): void {
    this.unsubscribe();
    this.releaseWorker();
  }
}
