/** The README.md of an exported PyG project: what is in the folder, how to run it, what it reproduces. */
import type { DrugGraph } from '../../data/graph';
import type { PygInputs } from './types';

export interface ReadmeInput {
  graph: DrugGraph;
  inputs: PygInputs;
  splitName: string;
  splitFile: string;
}

const SPLIT_TEXT: Record<string, string> = {
  link: 'link-split/1: `node_ids`, then `train_pos`, `val_pos`, `val_neg`, `test_pos`, `test_neg` as `[u, v]` index pairs (u < v, indices into `node_ids`); messages pass over `train_pos` only',
  type: 'type-split/1: `types`, then `train`, `val`, `test` as `[u, v, type]` (indices into data/nodes.csv and `types`); messages pass over `train` only',
  node: 'node-split/1: `classes` (ATC main groups), `labels` per node (−1 = no ATC code), `train`, `val`, `test` node indices; messages pass over every interaction',
};

/** A typed graph's rows: how train.py reads the kind and relation columns. */
function typedText(relation: string): string {
  return `
Typed graph: the link task predicts relation \`${relation || 'drug-drug, or the only relation'}\`; only its pairs are in the split, every other
relation's pairs carry messages in training and evaluation. Each message edge gets its message relation
(relation, kind of the receiving node; drug → protein and protein → drug are two), the \`edge_type\` that
R-GCN (\`RGCNConv\`) and the per-relation form (\`hetero\`) read; training negatives join the relation's two kinds.
`;
}

export function pygReadme({ graph, inputs, splitName, splitFile }: ReadmeInput): string {
  const s = inputs.settings;
  const typed = graph.nodeKind !== undefined || graph.edgeRelation !== undefined;
  const f = inputs.features;
  const flags = [
    `--model ${s.model} --task ${s.task} --decoder ${s.decoder} --features ${s.features} --hidden ${s.hidden} --layers ${s.layers}`,
    s.model === 'gat' ? ` --heads ${s.heads}` : '',
    s.model === 'mpnn' ? ` --aggregator ${s.aggregator} --update ${s.update}` : '',
    s.model === 'rgcn' ? ` --bases ${s.bases}` : s.hetero !== 'off' ? ` --hetero ${s.hetero}` : '',
    s.relation ? ` --relation ${s.relation}` : '',
    ` --dropout ${s.dropout} --lr ${s.learningRate} --batch-size ${s.batchSize} --epochs ${s.epochs} --patience ${s.patience} --seed ${s.seed}`,
  ].join('');
  // A link split file can be given back to the CLI; the type and node splits are the seed's own.
  const head =
    s.task === 'link'
      ? `the ${s.decoder} decoder with binary cross-entropy over the positives and one fresh negative each`
      : s.task === 'type'
        ? `${s.decoder === 'mlp' ? 'an MLP head on [h_head ‖ h_tail] (direction-aware)' : 'a per-type DistMult head'} with softmax cross-entropy over the interaction types`
        : 'a Linear classifier of the ATC main group with softmax cross-entropy';
  const cliSplit = s.task === 'link' ? ` --split ${splitFile}` : '';
  return `# ${graph.name}: ${s.model} (${s.task} task) in PyTorch Geometric

Exported by Drug GNN Playground for training outside the browser: the same model, split and
settings as the app, in PyTorch Geometric.

## Run

\`\`\`bash
pip install torch torch_geometric        # nothing else is needed
python train.py                          # trains with settings.json; progress on stderr
python train.py --epochs 200 --seed 1    # overrides: --epochs --seed --lr --patience --dropout --batch-size --model --decoder --device cpu|cuda
torchrun --nproc_per_node=4 train.py --ddp   # link task: DistributedDataParallel over the training pairs
\`\`\`

The last line on stdout is one JSON object in the format of the app's
\`npm run cli -- train … --json\`: \`last\` and \`best\` (the best validation epoch) with \`valAuroc\`,
\`valAuprc\`, \`valHits20\`, \`testAuroc\`, \`testAuprc\`, \`testHits20\` (link task) or \`valAccuracy\`,
\`valMacroF1\`, \`testAccuracy\`, \`testMacroF1\` (type and node tasks), \`test\` (the last epoch's test
metrics), \`epochs\`, \`medianEpochMs\`, \`stopReason\`.

\`--ddp\` (link task): each process takes its share of a seeded permutation of the training pairs with
their negatives, in batches of \`batchSize / processes\` (all of its share when \`batchSize\` is 0, which
then equals full-batch training), every process passing messages over the whole graph; NCCL on GPUs,
gloo on CPUs (\`torchrun --nproc_per_node=2 train.py --ddp\` on a laptop). The mini-batch order then comes
from torch, not from the app's generator.

## What it reproduces

The app's run with these settings (the CLI equivalent: \`npm run cli -- train <data files>${cliSplit} ${flags}\`):
the layers of \`src/model/layers/\` (PyG's GCNConv, SAGEConv, GATConv, GINConv and two \`MessagePassing\`
subclasses for the seed's mean-then-Linear layer and the free MPNN), ReLU between layers, dropout on the
inputs of layers 2 and up, ${head}, Adam (lr ${s.learningRate}, ε 1e-7), early stopping
on the validation ${s.task === 'link' ? 'AUROC' : 'macro-F1'} with the best epoch's weights restored
(patience ${s.patience}, 0 = off). The initial weights, each epoch's training negatives (one uniform
non-training pair per positive), dropout masks and mini-batch order come from ports of the app's seeded
generators, so a run starts where the app's run with the same seed starts; results then differ only by
floating-point summation order (on ChCh-Miner, test AUROC within 0.001 of the app's after 100 epochs).

## Files

| file | what |
|---|---|
| \`train.py\` | the training script |
| \`settings.json\` | the app's settings (model, task, features, hidden, layers, heads, aggregator, update, dropout, decoder, learningRate, batchSize, epochs, patience, seed) |
| \`manifest.json\` | data set name, counts, split source (${splitName}), feature columns |
| \`data/nodes.csv\` | ${graph.nodes.length.toLocaleString('en-US')} ${typed ? 'nodes' : 'drugs'}: \`index,id,name,type,groups,atc,categories,smiles,targets${typed ? ',kind' : ''}\` (lists joined with \`;\`) |
| \`data/edges.csv\` | ${graph.edgeSrc.length.toLocaleString('en-US')} ${typed ? 'pairs' : 'interactions'}, one row per undirected pair: \`source,target\` (node indices), \`source_id,target_id\`, \`type\`${graph.edgeWeight ? ', `weight`' : ''}${typed ? ', `relation`' : ''} |
${typed ? typedText(s.relation) : ''}
| \`${splitFile}\` | ${SPLIT_TEXT[s.task]} (${splitName}) |
${f ? `| \`features.npy\` | fixed node features, float32 ${f.rows} × ${f.cols}, columns: ${f.kinds.join(' then ')} (as the app computed them; \`numpy.load\` reads it) |\n` : ''}
Every file is plain text (but \`features.npy\`, when there); pandas, networkx or Gephi (as an edge list) open the CSVs.
`;
}
