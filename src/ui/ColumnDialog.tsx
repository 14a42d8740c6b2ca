/**
 * Asks the user which columns hold the two drugs (and optionally the interaction type, a weight, and
 * a 0/1 label whose negative rows are kept as known non-interactions) for tables that are not a
 * known dialect; and, for typed graphs, the kind of each column's nodes and the rows' relation
 * (typed/columnKinds.ts: the CLI's `--columns` kind fields). Cell text is shown as text.
 */
import { useState } from 'react';
import type { ColumnDetection, ColumnMapping } from '../data/table/layout';
import { useDataLoader, usePlayground } from './context';
import { Modal } from './Modal';
import { defaultRelation, initialMapping, kindFieldsOf, SUGGESTED_KINDS, withKindFields, type KindFields } from './typed/columnKinds';

type Role = 'source' | 'target' | 'type' | 'weight' | 'label';
const ROLES: { role: Role; label: string; optional: boolean }[] = [
  { role: 'source', label: 'Drug A', optional: false },
  { role: 'target', label: 'Drug B', optional: false },
  { role: 'type', label: 'Interaction type', optional: true },
  { role: 'weight', label: 'Weight', optional: true },
  { role: 'label', label: 'Label (1/0, true/false, pos/neg)', optional: true },
];

/** Why a mapping cannot be used, or null. */
function mappingProblem(m: ColumnMapping): string | null {
  if (m.source === m.target) return 'Drug A and Drug B must be different columns.';
  if (m.label !== undefined && [m.source, m.target, m.type, m.weight].includes(m.label)) {
    return 'The label column must be a column of its own (rows labelled 0, false, neg or no are kept as non-interactions).';
  }
  return null;
}

/** On a typed mapping the two end columns are named by their kinds ("Drug", "Protein") instead of Drug A / Drug B. */
function endLabel(role: Role, m: ColumnMapping): string | null {
  if (!m.sourceKind && !m.targetKind) return null;
  const kind = role === 'source' ? kindFieldsOf(m).sourceKind : role === 'target' ? kindFieldsOf(m).targetKind : null;
  return kind ? kind.charAt(0).toUpperCase() + kind.slice(1) : null;
}

/** Kind of each column and the relation: free text, kinds with suggestions (one datalist per dialog). */
function KindFieldset({ file, mapping, onChange }: { file: string; mapping: ColumnMapping; onChange: (m: ColumnMapping) => void }) {
  const f = kindFieldsOf(mapping);
  const set = (change: Partial<KindFields>) => onChange(withKindFields(mapping, { ...f, ...change }));
  return (
    <div className="column-kinds" role="group" aria-label={`Node kinds and relation of ${file}`}>
      <label>
        Kind of the first column
        <input data-testid="column-source-kind" list="column-kind-suggestions" value={f.sourceKind} onChange={(e) => set({ sourceKind: e.target.value })} />
      </label>
      <label>
        Kind of the other column
        <input data-testid="column-target-kind" list="column-kind-suggestions" value={f.targetKind} onChange={(e) => set({ targetKind: e.target.value })} />
      </label>
      <label>
        Relation
        <input
          data-testid="column-relation"
          value={f.relation}
          placeholder={defaultRelation(f.sourceKind, f.targetKind)}
          onChange={(e) => set({ relation: e.target.value })}
        />
      </label>
    </div>
  );
}

function TableColumns({ d, mapping, onChange }: { d: ColumnDetection; mapping: ColumnMapping; onChange: (m: ColumnMapping) => void }) {
  const width = Math.max(d.header.length, ...d.rows.map((r) => r.length));
  const name = (i: number) => ((mapping.hasHeader ?? d.hasHeader) && d.header[i] ? `${i + 1}: ${d.header[i]}` : `column ${i + 1}`);
  return (
    <fieldset className="column-table">
      <legend>{d.file}</legend>
      {d.problem && <p className="warning">{d.problem}</p>}
      <p className="muted small">
        {d.role === 'targets' ? 'A drug–target table with no drugs to annotate: it is loaded as edges between the two kinds below.' : d.description}
      </p>
      <div className="column-selects">
        {ROLES.map(({ role, label, optional }) => (
          <label key={role}>
            {endLabel(role, mapping) ?? label}
            <select
              data-testid={`column-${role}`}
              value={mapping[role] ?? ''}
              onChange={(e) => onChange({ ...mapping, [role]: e.target.value === '' ? undefined : Number(e.target.value) })}
            >
              {optional && <option value="">none</option>}
              {Array.from({ length: width }, (_, i) => (
                <option key={i} value={i}>
                  {name(i)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="checkbox">
          <input type="checkbox" checked={mapping.hasHeader ?? d.hasHeader} onChange={(e) => onChange({ ...mapping, hasHeader: e.target.checked })} />
          first row is a header
        </label>
      </div>
      <KindFieldset file={d.file} mapping={mapping} onChange={onChange} />
      <div className="preview">
        <table>
          <tbody>
            {[d.header, ...d.rows].slice(0, 6).map((row, r) => (
              <tr key={r}>
                {Array.from({ length: width }, (_, i) => (
                  <td key={i}>{row[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

function Dialog({ detections }: { detections: ColumnDetection[] }) {
  const loader = useDataLoader();
  const [mappings, setMappings] = useState<Record<string, ColumnMapping>>(() => Object.fromEntries(detections.map((d) => [d.file, initialMapping(d)])));
  const problem =
    Object.values(mappings)
      .map(mappingProblem)
      .find((p) => p !== null) ?? null;
  return (
    <Modal onCancel={() => loader.resolveColumns(null)} label="Choose the interaction columns" testId="column-dialog">
      <h2>Which columns are the interactions?</h2>
      {detections.map((d) => (
        <TableColumns key={d.file} d={d} mapping={mappings[d.file]} onChange={(m) => setMappings({ ...mappings, [d.file]: m })} />
      ))}
      <datalist id="column-kind-suggestions">
        {SUGGESTED_KINDS.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <p className="muted small">
        Kinds other than drug make a typed graph (drugs with proteins, side effects, …); leave both at drug for drug–drug interactions.
      </p>
      {problem && <p className="warning">{problem}</p>}
      <div className="modal-buttons">
        <button type="button" onClick={() => loader.resolveColumns(null)}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={problem !== null} data-testid="column-confirm" onClick={() => loader.resolveColumns(mappings)}>
          Load
        </button>
      </div>
    </Modal>
  );
}

export function ColumnDialog() {
  const detections = usePlayground((s) => s.columnDialog);
  return detections ? <Dialog detections={detections} /> : null;
}
