/** Shows in the network which drugs can influence v: its 1-, 2-, …, L-hop neighbourhood. */
import { useTeach, useTeachController } from './context';

const NONE: number[][] = [];

export function ReceptiveField({ layers }: { layers: number }) {
  const teach = useTeachController();
  const hops = useTeach((s) => s.hops);
  const rings = useTeach((s) => s.explanation?.hops ?? NONE);
  const reach = rings.slice(0, hops).reduce((n, r) => n + r.length, 0);
  return (
    <div className="receptive" data-testid="receptive-field">
      <span title="Drugs whose vectors can reach this one through the layers">Receptive field</span>
      {[0, ...Array.from({ length: layers }, (_, k) => k + 1)].map((k) => (
        <button key={k} type="button" className={k === hops ? 'on' : ''} onClick={() => teach.setHops(k)} aria-pressed={k === hops}>
          {k === 0 ? 'off' : `${k}-hop`}
        </button>
      ))}
      {hops > 0 && <span className="muted small">{reach} drugs</span>}
    </div>
  );
}
