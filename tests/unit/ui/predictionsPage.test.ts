/** The page's side of predictions: options checked with specific messages, file names, and the candidate list's number formats. */
import { describe, expect, it } from 'vitest';
import { formatLogit, formatProbability } from '../../../src/ui/CandidatesList';
import { predictionFileName, predictionRequest } from '../../../src/ui/export/predictionStream';

describe('predictions options', () => {
  it('defaults by task, and says which value is wrong', () => {
    expect(predictionRequest(undefined, 'link')).toEqual({ what: 'candidates', top: 100, format: 'csv' });
    expect(predictionRequest({ what: 'all', format: 'tsv' }, 'link')).toEqual({ what: 'all', top: 100, format: 'tsv' });
    expect(predictionRequest({}, 'node').what).toBe('known');
    expect(() => predictionRequest({ what: 'everything' }, 'link')).toThrow(/what must be one of known, candidates, all, not “everything”/);
    expect(() => predictionRequest({ top: 2.5 }, 'link')).toThrow(/top must be a whole number/);
    expect(() => predictionRequest({ top: 0 }, 'link')).toThrow(/top must be a whole number from 1/);
    expect(() => predictionRequest({ format: 'xlsx' }, 'link')).toThrow(/format must be csv or tsv, not “xlsx”/);
    expect(() => predictionRequest({ what: 'all' }, 'type')).toThrow(/type task predicts the known rows only/);
  });

  it('names the file after the graph and the rows', () => {
    expect(predictionFileName('ogbl-ddi', 'link', { what: 'all', format: 'csv' })).toBe('ogbl-ddi-all-pairs.csv');
    expect(predictionFileName('Demo: well-known drugs', 'link', { what: 'candidates', top: 150, format: 'tsv' })).toBe(
      'demo-well-known-drugs-candidates-top150.tsv',
    );
    expect(predictionFileName('ÄÖ', 'type', { what: 'known', format: 'csv' })).toBe('graph-type-predictions.csv');
  });
});

describe('candidate list numbers', () => {
  it('a logit with three decimals (significant digits below 1); a probability near 1 as its distance from 1', () => {
    expect(formatLogit(12.34567)).toBe('12.346');
    expect(formatLogit(-0.0123456)).toBe('-0.0123');
    expect(formatProbability(0.5)).toBe('0.500');
    expect(formatProbability(1 / (1 + Math.exp(-12)))).toBe('1 − 6.1e-6');
    expect(formatProbability(1)).toBe('≈ 1');
  });
});
