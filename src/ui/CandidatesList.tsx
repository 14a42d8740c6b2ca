/** The strongest predicted pairs that are not known interactions, by drug name. */
import { usePlayground } from './context';

export function CandidatesList() {
  const graph = usePlayground((s) => s.graph);
  const candidates = usePlayground((s) => s.candidates);
  if (!graph) return null;
  return (
    <section className="panel candidates" aria-label="Candidate interactions">
      <h2>Candidate new interactions</h2>
      {candidates.length === 0 ? (
        <p className="muted">Train the model to rank unknown pairs.</p>
      ) : (
        <ol data-testid="candidates">
          {candidates.map((c) => (
            <li key={`${c.a}-${c.b}`} title={`${graph.nodes[c.a].id} – ${graph.nodes[c.b].id}`}>
              <div>
                <span className="pair">
                  {graph.nodes[c.a].name} – {graph.nodes[c.b].name}
                </span>
                <span className="prob">{c.probability.toFixed(3)}</span>
              </div>
            </li>
          ))}
        </ol>
      )}
      <p className="muted small">Predictions of a model trained on known interactions; not clinical advice.</p>
    </section>
  );
}
