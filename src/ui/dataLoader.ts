/**
 * Loading data: files dropped or picked, `?data=<url>` links and the built-in sets. Parsing runs in the parse
 * worker; the column dialog asks the user to confirm the columns of tables that are not a known
 * dialect. On any failure the graph and model already loaded stay as they were.
 */
import * as Comlink from 'comlink';
import type { ColumnDetection, ColumnMapping } from '../data/table/layout';
import type { ParseProgress } from '../data/parseResult';
import type { ParseResult } from '../data/parseResult';
import type { ParserLoadOptions } from '../workers/protocol';
import type { DatasetSource, PlaygroundController } from './controller';
import { progressView } from './loadProgress';
import { startParserWorker, type ParserClient } from './parserClient';

/** Files that may be tables (and so may need their columns confirmed). */
const TABLE_NAME = /\.(csv|tsv|tab|txt)(\.gz)?$/i;

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/^LoadError: /, '');

export class DataLoader implements DatasetSource {
  private client: ParserClient | null = null;
  /** Rejects whatever the page is waiting for from the parse worker (see cancel). */
  private cancelWaits = new Set<(e: Error) => void>();
  private pendingDialog: ((mappings: Record<string, ColumnMapping> | null) => void) | null = null;

  constructor(
    private readonly controller: PlaygroundController,
    private readonly startWorker: () => ParserClient = startParserWorker,
  ) {}

  private get api() {
    this.client ??= this.startWorker();
    return this.client.api;
  }

  private get store() {
    return this.controller.store;
  }

  async loadFiles(files: File[]): Promise<void> {
    if (files.length === 0) return;
    const token = this.controller.beginLoad(files.map((f) => f.name).join(', '));
    try {
      const mappings = await this.cancellable(this.confirmColumns(files));
      if (mappings === null) return this.controller.endLoad(token); // the user closed the dialog
      await this.run(token, (opts, onProgress) => this.api.load(files, opts, onProgress), { columnMappings: mappings });
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

  /** Called by the column dialog: the user's mappings, or null to abandon the load. */
  resolveColumns(mappings: Record<string, ColumnMapping> | null): void {
    this.store.setState({ columnDialog: null });
    this.pendingDialog?.(mappings);
    this.pendingDialog = null;
  }

  private async confirmColumns(files: File[]): Promise<Record<string, ColumnMapping> | null> {
    const tables = files.filter((f) => TABLE_NAME.test(f.name));
    const detections: ColumnDetection[] = [];
    for (const f of tables) detections.push(await this.api.detectColumns(f));
    const unsure = detections.filter((d) => d.role === 'edges' && (d.confidence === 'low' || d.problem || !d.mapping));
    const confirmed: Record<string, ColumnMapping> = {};
    if (unsure.length === 0) return confirmed;
    this.store.setState({ columnDialog: unsure });
    return new Promise((resolve) => (this.pendingDialog = resolve));
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
      const { graph, report } = await this.cancellable(load(options, onProgress));
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
    this.releaseWorker();
  }
}
