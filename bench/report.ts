/**
 * What every training-benchmark section prints: one row per measurement, with the machine in words,
 * and the machine description itself (Node side).
 */
import os from 'node:os';
import * as tf from '../src/model/tf';
import { simdKernelsFor } from '../src/model/kernels/simdKernels';
import { median, type Measurement } from './trainMeasure';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  tfjs: string;
  loadAverageStart: number[];
  loadAverageEnd?: number[];
  /** On the wasm backend: which of the project's WebAssembly kernels run (kernels/simdKernels.ts). */
  wasmKernels?: 'relaxed SIMD' | 'SIMD' | 'none';
}

function wasmKernels(): MachineInfo['wasmKernels'] {
  if (tf.getBackend() !== 'wasm') return undefined;
  const simd = simdKernelsFor(tf.backend());
  return simd ? (simd.relaxed ? 'relaxed SIMD' : 'SIMD') : 'none';
}

export interface TrainBenchRow extends Measurement {
  dataset: string;
  /** Machine, in words, for every figure. */
  machine: string;
  /** Node only: the process's resident memory right after the run (all loaded graphs included). */
  rssMB?: number;
  software: boolean;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    tfjs: tf.version_core,
    loadAverageStart: os.loadavg().map((x) => +x.toFixed(2)),
    wasmKernels: wasmKernels(),
  };
}

const fmt = (x: number | null, digits = 0) => (x === null ? '—' : x.toFixed(digits));

export function printRow(r: TrainBenchRow): void {
  const cells = [
    r.dataset.padEnd(15),
    (r.decoder === 'dot' ? r.model : `${r.model}+${r.decoder}`).padEnd(8),
    r.backend.padEnd(6),
    r.aggregation.padEnd(6),
    (r.loss ?? '—').padEnd(8),
    String(r.nodes).padStart(6),
    String(r.trainPairs).padStart(9),
    fmt(r.medianMs).padStart(8),
    fmt(r.msPer100kPairs, 1).padStart(8),
    fmt(r.peakTensorMB, 1).padStart(8),
    (r.rssMB === undefined ? '—' : String(r.rssMB)).padStart(7),
    `${r.machine}${r.software ? ' (software GPU)' : ''}`,
  ];
  console.log(cells.join(' '));
}

export function printHeader(): void {
  console.log(
    [
      'data set'.padEnd(15),
      'model'.padEnd(8),
      'backend',
      'agg'.padEnd(6),
      'loss'.padEnd(8),
      'nodes'.padStart(6),
      'train prs'.padStart(9),
      'epoch ms'.padStart(8),
      'ms/100k'.padStart(8),
      'peak MB'.padStart(8),
      'RSS MB'.padStart(7),
      'machine',
    ].join(' '),
  );
}

/** Median wall and CPU milliseconds of `epochs` training epochs after one warm-up epoch (Node: process CPU time). */
export async function epochTimes(trainer: { trainEpoch(): Promise<unknown> }, epochs: number): Promise<{ medianMs: number; medianCpuMs: number }> {
  await trainer.trainEpoch();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await trainer.trainEpoch();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  return { medianMs: median(wall), medianCpuMs: median(cpu) };
}
