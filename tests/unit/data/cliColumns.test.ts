import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseColumnsOption } from '../../../src/cli/inspect';
import { PROJECT_ROOT } from '../../helpers/sharedData';

describe('inspect --columns', () => {
  it('parses FILE=role:N,… with columns counted from 1', () => {
    expect(parseColumnsOption('pairs.csv=source:2,target:4,label:5,header:no')).toEqual({
      file: 'pairs.csv',
      mapping: { source: 1, target: 3, label: 4, hasHeader: false },
    });
    expect(parseColumnsOption('a.zip/x=y.tsv=source:1,target:2,type:3,weight:4')).toEqual({
      file: 'a.zip/x=y.tsv',
      mapping: { source: 0, target: 1, type: 2, weight: 3 },
    });
    expect(parseColumnsOption('pairs.csv=source:0,target:1')).toMatch(/count from 1; got "source:0"/);
    expect(parseColumnsOption('pairs.csv=source:1')).toBe('source and target are both needed');
    expect(parseColumnsOption('pairs.csv=from:1,target:2')).toMatch(/unknown column role "from"/);
    expect(parseColumnsOption('source:1')).toMatch(/expected FILE=/);
  });

  it('the CLI uses the mapping and prints how the table was read and the negatives kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inspect-columns-'));
    const file = join(dir, 'scores.csv');
    const ids = Array.from({ length: 25 }, (_, i) => `DB${String(i + 10).padStart(5, '0')}`);
    // Detection alone would not call "outcome" here a label (a value of 2 is in its sample).
    const rows = ids.slice(1).map((d, i) => `x,${ids[i]},${d},${i === 3 ? 2 : i % 4 === 0 ? 0 : 1}`);
    rows.push(`x,${ids[0]},${ids[2]},0`);
    writeFileSync(file, 'kind,p,q,outcome\n' + rows.join('\n') + '\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'inspect', file, '--columns', 'scores.csv=source:2,target:3,label:4'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/interactions\s+17\n/);
    // Negative rows: i = 0, 4, 8, 12, 16, 20 and the last; DB00010 and DB00014 have no positive row, so 3 drop.
    expect(r.stdout).toMatch(/negatives kept\s+4 /);
    expect(r.stdout).toMatch(/7 rows labelled negative, not read as interactions; 4 kept .*\(dropped: 3 name a drug without any interaction/);
    expect(r.stdout).toMatch(/scores\.csv: read as interactions \(p – q\) as mapped by you, label from outcome/);
    expect(r.stdout).toMatch(/1 × scores\.csv: label is neither positive .* \(e\.g\. line 5\)/);
  }, 30_000);
});
