import { describe, expect, it } from 'vitest';
import { partnerKindOf, partnersHeading, predictedRelation, relationEnds } from '../../../src/ui/typed/relationWording';

describe('a node’s predicted partners in words', () => {
  it('uses the relation’s verb for the side the chosen node is on', () => {
    expect(partnersHeading('drug-target', 'protein', 'drug', 'P35354')).toBe('Drugs predicted to bind P35354');
    expect(partnersHeading('drug-target', 'drug', 'protein', 'Celecoxib')).toBe('Proteins predicted as targets of Celecoxib');
    expect(partnersHeading('drug-drug', 'drug', 'drug', 'Warfarin')).toBe('Drugs predicted to interact with Warfarin');
    expect(partnersHeading('drug-side effect', 'side effect', 'drug', 'nausea')).toBe('Drugs predicted to cause nausea');
    // A relation without a phrase still names what is listed.
    expect(partnersHeading('gene-disease', 'gene', 'disease', 'BRCA1')).toBe('Diseases predicted for BRCA1 (gene-disease)');
  });

  it('finds the predicted relation and its two kinds as the trainer does', () => {
    const graph = {
      edgeSrc: Int32Array.from([0, 0]),
      edgeDst: Int32Array.from([1, 2]),
      nodeKind: Int32Array.from([0, 0, 1]),
      kinds: ['drug', 'protein'],
      edgeRelation: Int32Array.from([0, 1]),
      relations: ['drug-drug', 'drug-target'],
    };
    expect(predictedRelation(graph.relations, '')).toBe('drug-drug');
    expect(predictedRelation(['drug-target'], '')).toBe('drug-target');
    expect(predictedRelation(['a', 'b'], '')).toBeNull();
    expect(predictedRelation(undefined, '')).toBe('drug-drug');
    expect(relationEnds(graph, 'drug-target')).toEqual(['drug', 'protein']);
    expect(relationEnds(graph, 'drug-drug')).toEqual(['drug', 'drug']);
    expect(relationEnds(graph, 'ppi')).toBeNull();
    expect(relationEnds({ edgeSrc: Int32Array.from([0]), edgeDst: Int32Array.from([1]) }, 'drug-drug')).toEqual(['drug', 'drug']);
    expect(partnerKindOf(['drug', 'protein'], 'protein')).toBe('drug');
    expect(partnerKindOf(['drug', 'protein'], 'side effect')).toBeNull();
  });
});
