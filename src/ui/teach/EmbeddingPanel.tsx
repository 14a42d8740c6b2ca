/**
 * The embedding view: PCA of the node vectors after each layer (points coloured by ATC main group),
 * with an epoch slider over the run so far. Hovering a point highlights the drug in the network;
 * clicking opens the stepper on it.
 */
import { useMemo } from 'react';
import { atcColor } from '../colorScale';
import { usePlayground } from '../context';
import { useTeach, useTeachController } from './context';

const W = 420;
const H = 300;
const PAD = 14;

export function EmbeddingPanel() {
  const teach = useTeachController();
  const graph = usePlayground((s) => s.graph);
  const open = useTeach((s) => s.embeddingOpen);
  const projection = useTeach((s) => s.projection);
  const layerIndex = useTeach((s) => s.projectionLayer);
  const node = useTeach((s) => s.node);
  const hover = useTeach((s) => s.hover);
  const layer = projection?.layers[layerIndex];
  const points = useMemo(() => {
    if (!layer) return [];
    const p = layer.points;
    let x0 = Infinity,
      x1 = -Infinity,
      y0 = Infinity,
      y1 = -Infinity;
    for (let i = 0; i < p.length; i += 2) {
      x0 = Math.min(x0, p[i]);
      x1 = Math.max(x1, p[i]);
      y0 = Math.min(y0, p[i + 1]);
      y1 = Math.max(y1, p[i + 1]);
    }
    const sx = (W - 2 * PAD) / Math.max(1e-9, x1 - x0);
    const sy = (H - 2 * PAD) / Math.max(1e-9, y1 - y0);
    return Array.from({ length: p.length / 2 }, (_, i) => ({ i, x: PAD + (p[2 * i] - x0) * sx, y: H - PAD - (p[2 * i + 1] - y0) * sy }));
  }, [layer]);
  if (!open || !graph) return null;
  const epochs = projection?.epochs ?? [];
  const at = projection ? epochs.indexOf(projection.epoch) : -1;
  const explained = layer && layer.totalVariance > 0 ? ((layer.variance[0] + layer.variance[1]) / layer.totalVariance) * 100 : 0;
  const special = [node, hover].filter((v): v is number => v !== null);
  // The chosen and hovered drugs are drawn last so that no other point covers them.
  const drawn = [...points.filter((p) => !special.includes(p.i)), ...points.filter((p) => special.includes(p.i))];
  return (
    <section className="embedding" aria-label="Embedding view" data-testid="embedding-panel">
      <header>
        <strong>Embedding view</strong> <span className="muted small">PCA to 2-D · colour = ATC main group</span>
        <button type="button" onClick={() => void teach.toggleEmbedding(false)} aria-label="Close the embedding view">
          ✕
        </button>
      </header>
      {projection && (
        <div className="embedding-controls">
          <select value={layerIndex} onChange={(e) => teach.setProjectionLayer(Number(e.target.value))} aria-label="Vectors to project">
            {projection.layers.map((l, i) => (
              <option key={i} value={i}>
                {l.label}
              </option>
            ))}
          </select>
          <label>
            epoch {projection.epoch}
            <input
              type="range"
              min={0}
              max={Math.max(0, epochs.length - 1)}
              value={Math.max(0, at)}
              onChange={(e) => void teach.loadProjection(epochs[Number(e.target.value)])}
              data-testid="embedding-epoch"
              aria-label="Epoch"
            />
          </label>
          <span className="muted small">{explained.toFixed(0)} % of variance shown</span>
        </div>
      )}
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} className="embedding-plot" onMouseLeave={() => teach.setHover(null)}>
        {drawn.map(({ i, x, y }) => (
          <circle
            key={i}
            cx={x}
            cy={y}
            r={special.includes(i) ? 6 : 3.5}
            fill={atcColor(graph.nodes[i].atc)}
            stroke={i === node ? '#000' : i === hover ? '#333' : '#fff'}
            strokeWidth={special.includes(i) ? 2 : 0.6}
            onMouseEnter={() => teach.setHover(i)}
            onClick={() => void teach.open(i)}
          >
            <title>{`${graph.nodes[i].name} (${graph.nodes[i].id})`}</title>
          </circle>
        ))}
      </svg>
      <div className="muted small embedding-hover">
        {hover !== null
          ? `${graph.nodes[hover].name} · ${graph.nodes[hover].atc?.[0] ?? 'no ATC code'}`
          : 'Hover a point to find the drug in the network; click to step through it.'}
      </div>
    </section>
  );
}
