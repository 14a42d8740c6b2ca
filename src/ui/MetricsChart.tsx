/** Live SVG chart: training loss (own scale, left) and validation AUROC / AUPRC (0–1, right). */
import type { EpochMetrics } from '../workers/protocol';

const W = 300;
const H = 150;
const PAD = { l: 34, r: 30, t: 8, b: 20 };

function path(points: [number, number][]): string {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join('');
}

export function MetricsChart({ history }: { history: EpochMetrics[] }) {
  const maxEpoch = Math.max(10, history.at(-1)?.epoch ?? 0);
  const losses = history.map((h) => h.loss).filter(Number.isFinite);
  const maxLoss = Math.max(0.1, ...losses);
  const x = (e: number) => PAD.l + ((W - PAD.l - PAD.r) * e) / maxEpoch;
  const yLoss = (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - v / maxLoss);
  const yMetric = (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - v);
  const series = (f: (h: EpochMetrics) => number, y: (v: number) => number) =>
    path(history.filter((h) => Number.isFinite(f(h))).map((h) => [x(h.epoch), y(f(h))]));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="metrics-chart" role="img" aria-label="Loss and validation metrics by epoch">
      <line x1={PAD.l} y1={H - PAD.b} x2={W - PAD.r} y2={H - PAD.b} className="axis" />
      <line x1={PAD.l} y1={PAD.t} x2={PAD.l} y2={H - PAD.b} className="axis" />
      <line x1={W - PAD.r} y1={PAD.t} x2={W - PAD.r} y2={H - PAD.b} className="axis" />
      <line x1={PAD.l} y1={yMetric(0.5)} x2={W - PAD.r} y2={yMetric(0.5)} className="grid" />
      <text x={PAD.l - 4} y={PAD.t + 8} className="tick" textAnchor="end">
        {maxLoss.toFixed(2)}
      </text>
      <text x={PAD.l - 4} y={H - PAD.b} className="tick" textAnchor="end">
        0
      </text>
      <text x={W - PAD.r + 4} y={PAD.t + 8} className="tick">
        1.0
      </text>
      <text x={W - PAD.r + 4} y={yMetric(0.5) + 3} className="tick">
        0.5
      </text>
      <text x={W - PAD.r} y={H - 6} className="tick" textAnchor="end">
        epoch {maxEpoch}
      </text>
      <path d={series((h) => h.loss, yLoss)} className="series loss" />
      <path d={series((h) => h.valAuroc, yMetric)} className="series auroc" />
      <path d={series((h) => h.valAuprc, yMetric)} className="series auprc" />
    </svg>
  );
}
