/**
 * R-GCN on a typed graph: the Message and Aggregate screens' contents grouped by relation, one
 * headed section per relation ("What the targets said"). Names from the data are React text; only
 * numbers and our own symbols go into LaTeX.
 */
import type { DrugGraph } from '../../data/graph';
import type { RelationalExplanation, RelationGroup } from '../../model/teach/types';
import { tex } from './format';
import { Formula } from './Formula';
import { HeatMap } from './HeatMap';
import { groupWords } from './relationWords';

/** Message rows drawn at most per relation; the rest are counted. */
const MAX_ROWS = 12;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** W_r = a_r1 V_1 + … + a_rB V_B with this relation's coefficients. */
export function weightMix(g: RelationGroup): string {
  const terms = g.coefficients.map((a, b) => String.raw`${tex(a, 2)}\,V_{${b + 1}}`);
  return String.raw`W_{${g.index + 1}} = ${terms.join(' + ')}`;
}

function Silent({ r }: { r: RelationalExplanation }) {
  if (r.silent.length === 0) return null;
  return <p className="muted small">Nothing arrives through {r.silent.join(', ')}.</p>;
}

export function RelationMessages({ r, graph, layer }: { r: RelationalExplanation; graph: DrugGraph; layer: number }) {
  const name = (u: number) => graph.nodes[u].name;
  return (
    <>
      {r.groups.map((g) => {
        const { heading, detail } = groupWords(g, graph);
        const id = `relation-msg-${layer}-${g.index}`;
        const first = g.neighbours[0];
        return (
          <section
            key={g.index}
            className="relation-group"
            aria-labelledby={id}
            data-testid="relation-group"
            data-relation={g.name}
            data-count={g.neighbours.length}
          >
            <h4 id={id}>{heading}</h4>
            <p className="muted small">
              {detail} · {plural(g.neighbours.length, 'message')}, each through this relation's own weight <Formula tex={weightMix(g)} />
            </p>
            <p className="small">
              What <Formula tex={`W_{${g.index + 1}}`} /> does to {name(first.node)}'s vector:
            </p>
            <HeatMap rows={[{ key: 'h', label: `${name(first.node)}: h_u`, values: first.input }]} />
            <HeatMap rows={[{ key: 'm', label: '→ its message', values: first.message, strong: true }]} />
            {g.neighbours.length > 1 && <p className="small">All {plural(g.neighbours.length, 'message')}:</p>}
            {g.neighbours.length > 1 && (
              <HeatMap rows={g.neighbours.slice(0, MAX_ROWS).map((n, i) => ({ key: i, label: name(n.node), values: n.message }))} testId="relation-messages" />
            )}
            {g.neighbours.length > MAX_ROWS && <p className="muted small">… and {g.neighbours.length - MAX_ROWS} more.</p>}
          </section>
        );
      })}
      <Silent r={r} />
    </>
  );
}

export function RelationMeans({ r, graph, layer }: { r: RelationalExplanation; graph: DrugGraph; layer: number }) {
  return (
    <>
      {r.groups.map((g, i) => {
        const { heading, detail } = groupWords(g, graph);
        const id = `relation-agg-${layer}-${g.index}`;
        return (
          <section
            key={g.index}
            className="relation-group"
            aria-labelledby={id}
            data-testid="relation-mean"
            data-relation={g.name}
            data-count={g.neighbours.length}
          >
            <h4 id={id}>
              {i + 1}. {heading}
            </h4>
            <p className="muted small">
              {detail} · the mean of {plural(g.neighbours.length, 'message')},{' '}
              <Formula tex={String.raw`\tfrac{1}{${g.neighbours.length}} \sum W_{${g.index + 1}} h_u`} />
            </p>
            <HeatMap rows={[{ key: 'mean', label: `mean ${i + 1}`, values: g.mean, strong: true }]} />
          </section>
        );
      })}
      <Silent r={r} />
    </>
  );
}
