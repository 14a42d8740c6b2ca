/**
 * A predictions file as a stream of encoded chunks: the rows of planPredictions, printed by the pure
 * writer, UTF-8 encoded one block at a time and handed to a sink (the worker's callback to the page, a
 * Node file stream in the CLI). The sink is awaited before the next block is made, so a slow disk holds
 * the scan back instead of letting chunks pile up; it returns false (or `stop()` turns true) to cancel.
 */
import { PredictionsWriter, type PredictionFormat, type PredictionNames } from '../export/predictionsCsv';
import { NODE_CLASSES, planPredictions } from './predictions';
import type { PredictionRequest, PredictionScope, PredictionTask } from './predictionRows';
import type { TrainerBase } from './tasks/trainerBase';

export interface PredictionFileRequest extends PredictionRequest {
  format: PredictionFormat;
}

export interface PredictionProgress {
  /** Rows written so far and in all. */
  done: number;
  total: number;
}

export interface PredictionFileSummary {
  task: PredictionTask;
  what: PredictionScope;
  format: PredictionFormat;
  /** Data rows written (the header not counted). */
  rows: number;
  total: number;
  bytes: number;
  cancelled: boolean;
}

/** One encoded chunk of the file and the progress after it (what the worker hands the page). */
export interface PredictionChunk extends PredictionProgress {
  bytes: Uint8Array;
}

export type ChunkSink = (bytes: Uint8Array, progress: PredictionProgress) => Promise<boolean | void> | boolean | void;

export async function streamPredictionFile(
  trainer: TrainerBase,
  nodes: PredictionNames['nodes'],
  request: PredictionFileRequest,
  sink: ChunkSink,
  stop: () => boolean = () => false,
): Promise<PredictionFileSummary> {
  const writer = new PredictionsWriter({ nodes, edgeTypes: trainer.graph.edgeTypes, classes: NODE_CLASSES }, request.format);
  const plan = await planPredictions(trainer, request);
  const encoder = new TextEncoder();
  const summary: PredictionFileSummary = {
    task: plan.task,
    what: request.what,
    format: request.format,
    rows: 0,
    total: plan.total,
    bytes: 0,
    cancelled: false,
  };
  let head: Uint8Array | null = encoder.encode(writer.header(plan.task));
  const send = async (body: Uint8Array, rows: number): Promise<boolean> => {
    let bytes = body;
    if (head) {
      // The header travels with the first rows: one chunk for a small file.
      bytes = new Uint8Array(head.length + body.length);
      bytes.set(head);
      bytes.set(body, head.length);
      head = null;
    }
    summary.rows += rows;
    summary.bytes += bytes.length;
    return (await sink(bytes, { done: summary.rows, total: plan.total })) !== false;
  };
  const blocks = plan.blocks();
  try {
    for await (const block of blocks) {
      if (stop()) {
        summary.cancelled = true;
        break;
      }
      const rows = block.task === 'node' ? block.node.length : block.a.length;
      if (!(await send(writer.blockBytes(block), rows))) {
        summary.cancelled = true;
        break;
      }
    }
  } finally {
    // Ends the generator (its finally blocks free any tensors) when the loop stopped early.
    await blocks.return(undefined);
  }
  if (head && !summary.cancelled) await send(new Uint8Array(0), 0); // no rows: the header alone
  return summary;
}
