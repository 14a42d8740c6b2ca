/**
 * Plain words for an R-GCN relation group on the stepper, from the relation and kind names the data
 * gave: a drug hearing through "drug-target" hears "the targets", through "drug-drug" "the interacting
 * drugs"; a protein hearing through "drug-target" hears "the drugs". Names are shown as text, never markup.
 */
import type { DrugGraph } from '../../data/graph';
import type { RelationGroup } from '../../model/teach/types';

export function plural(word: string): string {
  if (/s$/i.test(word)) return word;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** The kind of the group's senders (they share it: a message relation joins two kinds). */
export function senderKind(group: Pick<RelationGroup, 'neighbours'>, graph: Pick<DrugGraph, 'nodeKind' | 'kinds'>): string {
  const u = group.neighbours[0]?.node;
  const kinds = graph.kinds ?? ['drug'];
  return u === undefined ? '' : (kinds[graph.nodeKind?.[u] ?? 0] ?? '');
}

/**
 * Who speaks in a group: the relation's other end when its name starts or ends with the receiving
 * kind ("drug-target" at a drug → "targets"), "interacting <kind>s" for a relation within one kind,
 * else the senders' kind.
 */
export function speakers(relation: string, receiver: string, sender: string): string {
  if (sender && sender === receiver) return `interacting ${plural(sender)}`;
  const other = relation.startsWith(`${receiver}-`)
    ? relation.slice(receiver.length + 1)
    : relation.endsWith(`-${receiver}`)
      ? relation.slice(0, -receiver.length - 1)
      : '';
  if (other && other !== receiver) return plural(other);
  return plural(sender || 'neighbour');
}

/** "What the targets said" and "drug-target: protein → drug". */
export function groupWords(group: RelationGroup, graph: Pick<DrugGraph, 'nodeKind' | 'kinds'>): { heading: string; detail: string } {
  const sender = senderKind(group, graph);
  return {
    heading: `What the ${speakers(group.relation, group.receiverKind, sender)} said`,
    detail: `${group.relation}: ${sender || '?'} → ${group.receiverKind || '?'}`,
  };
}
