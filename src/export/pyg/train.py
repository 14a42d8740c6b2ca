#!/usr/bin/env python3
"""Trains the Drug GNN Playground model exported with this folder, in PyTorch Geometric.

Needs only torch and torch_geometric. Reads settings.json (the app's ModelSettings), data/nodes.csv,
the split (split.json = link-split/1 for the link task, type-split.json / node-split.json for the
others) and, when the settings use fixed node features, features.npy, all written by the app with its
own code. The model is the app's (src/model/): same layers, features, decoders, loss, Adam settings and
early stopping. The initial weights, the epochs' training negatives, dropout masks and mini-batch order
come from a port of the app's seeded generators (Mulberry32 and the counter-based negative hash), so a
run starts from the app's numbers for the same seed; what remains different is float arithmetic order.

  python train.py                       # the exported settings (settings.json)
  python train.py --epochs 50 --seed 3  # override a setting
  torchrun --nproc_per_node=4 train.py --ddp   # link task on several GPUs (or CPU processes: gloo)

Prints progress on stderr and one JSON line with the metrics on stdout, in the format of the app's
`npm run cli -- train ... --json`.
"""
import argparse
import copy
import csv
import json
import math
import os
import struct
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn
from torch_geometric.nn import GATConv, GCNConv, GINConv, MessagePassing, RGCNConv, SAGEConv

HERE = os.path.dirname(os.path.abspath(__file__))
M32 = 0xFFFFFFFF
GOLDEN = 0x9E3779B9
MULBERRY = 0x6D2B79F5
NEGATIVE_TRIES = 20
# The layer kinds this script builds; the app's unit tests check it knows every kind the app has.
LAYER_KINDS = ('seed-gcn', 'gcn', 'sage', 'gat', 'gin', 'mpnn', 'rgcn')
ATC_GROUPS = ('A', 'B', 'C', 'D', 'G', 'H', 'J', 'L', 'M', 'N', 'P', 'R', 'S', 'V')


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- the app's random numbers (src/model/rng.ts, negatives.ts)

def imul(a, b):
    """JavaScript's Math.imul on unsigned 32-bit patterns (Python ints)."""
    return (a * b) & M32


def timul(a, b):
    """Math.imul on int64 tensors holding unsigned 32-bit values: split in 16-bit halves so nothing overflows."""
    return ((a & 0xFFFF) * b + ((((a >> 16) * b) & 0xFFFF) << 16)) & M32


def mulberry_out(t):
    """Mulberry32's output hash of state t (tensor of uint32 values in int64) as uint32."""
    t = timul(t ^ (t >> 15), t | 1)
    t = t ^ ((t + timul(t ^ (t >> 7), t | 61)) & M32)
    return (t ^ (t >> 14)) & M32


class Rng:
    """Port of src/model/rng.ts (Mulberry32): the same seed gives the app's stream of numbers."""

    def __init__(self, seed):
        self.state = (imul((seed ^ GOLDEN) & M32, 0x85EBCA6B) ^ 0xC2B2AE35) & M32

    def next(self):
        self.state = (self.state + MULBERRY) & M32
        t = self.state
        t = imul(t ^ (t >> 15), t | 1)
        t = t ^ ((t + imul(t ^ (t >> 7), t | 61)) & M32)
        return ((t ^ (t >> 14)) & M32) / 4294967296.0

    def uniform(self, count):
        """The next `count` numbers of next() at once (float64 tensor): the state only advances by a constant."""
        if count == 0:
            return torch.zeros(0, dtype=torch.float64)
        k = torch.arange(1, count + 1, dtype=torch.int64)
        states = (self.state + k * MULBERRY) & M32
        self.state = (self.state + count * MULBERRY) & M32
        return mulberry_out(states).double() / 4294967296.0

    def int(self, n):
        return math.floor(self.next() * n)

    def normals(self, count):
        """`count` draws of normal() (Box-Muller on two numbers each, as the app)."""
        saved = self.state
        u = self.uniform(2 * count)
        if bool((u[0::2] == 0).any()):  # the app redraws a zero u; one in 2^32, done one by one then
            self.state = saved
            return torch.tensor([self._normal() for _ in range(count)], dtype=torch.float64)
        return torch.sqrt(-2 * torch.log(u[0::2])) * torch.cos(2 * math.pi * u[1::2])

    def _normal(self):
        u = 0.0
        while u == 0:
            u = self.next()
        return math.sqrt(-2 * math.log(u)) * math.cos(2 * math.pi * self.next())

    def fork(self, label):
        return Rng((math.floor(self.next() * 2 ** 31) ^ imul(label + 1, 0x27D4EB2D)) & M32)

    def permutation(self, count):
        """The app's in-place Fisher-Yates shuffle of 0..count-1 (src/model/rng.ts shuffle)."""
        order = list(range(count))
        if count < 2:
            return order
        u = self.uniform(count - 1).tolist()
        for k, i in enumerate(range(count - 1, 0, -1)):
            j = math.floor(u[k] * (i + 1))
            order[i], order[j] = order[j], order[i]
        return order


def mix32(x):
    """Wellons' lowbias32 on uint32 values in int64 tensors (negatives.ts mix32)."""
    x = x ^ (x >> 16)
    x = timul(x, 0x7FEB352D)
    x = x ^ (x >> 15)
    x = timul(x, 0x846CA68B)
    return x ^ (x >> 16)


def mix32_int(x):
    return int(mix32(torch.tensor([x & M32], dtype=torch.int64))[0])


def draw_key(seed, draw):
    """negatives.ts drawKey: the key of draw number `draw` (the epoch) in the stream `seed`."""
    return mix32_int(seed ^ mix32_int(draw + GOLDEN))


class PairSet:
    """Training pairs keyed lo * n + hi: a bit table up to 8,192 nodes (as the app's PairSet), sorted keys above."""

    def __init__(self, n, a, b):
        keys = torch.unique(a * n + b)
        self.table = None
        if n <= 8192:
            self.table = torch.zeros(n * n, dtype=torch.bool)
            self.table[keys] = True
        self.keys = keys

    def has(self, k):
        if self.table is not None:
            return self.table[k]
        if len(self.keys) == 0:
            return torch.zeros_like(k, dtype=torch.bool)
        i = torch.searchsorted(self.keys, k).clamp(max=len(self.keys) - 1)
        return self.keys[i] == k


def draw_negatives(n, key, count, train, nodes=None, others=None):
    """negatives.ts drawNegatives: pair i of a draw is a pure function of (key, i); retries avoid training pairs.
    Typed relation: u among `nodes` (the relation's first kind), v among `others` (its second kind)."""
    m = len(nodes) if nodes is not None else n
    second = others if others is not None else nodes
    m2 = len(second) if second is not None else n
    base = mix32(torch.arange(count, dtype=torch.int64) ^ key)
    u = torch.zeros(count, dtype=torch.int64)
    v = torch.zeros(count, dtype=torch.int64)
    todo = torch.arange(count, dtype=torch.int64)  # pairs without an accepted try yet
    for t in range(NEGATIVE_TRIES):
        b = base[todo]
        ut = (mix32((b + imul(2 * t + 1, GOLDEN)) & M32) * m) >> 32
        vt = (mix32((b + imul(2 * t + 2, GOLDEN)) & M32) * m2) >> 32
        if nodes is not None:
            ut = nodes[ut]
        if second is not None:
            vt = second[vt]
        u[todo], v[todo] = ut, vt
        ok = (ut != vt) & ~train.has(torch.minimum(ut, vt) * n + torch.maximum(ut, vt))
        todo = todo[~ok]
        if len(todo) == 0:
            break
    if second is None:
        v = torch.where(u == v, (u + 1) % n, v)
    else:  # the node after u in `second` (its first node when u is not there), as the app
        position = torch.full((n,), -1, dtype=torch.int64)
        position[second] = torch.arange(m2, dtype=torch.int64)
        v = torch.where(u == v, second[(position[u] + 1) % m2], v)
    return torch.minimum(u, v), torch.maximum(u, v)


def uniform_init(rng, shape, bound):
    return ((2 * rng.uniform(math.prod(shape)) - 1) * bound).float().view(*shape)


def app_linear(rng, fan_in, fan_out, init='torch', bias=True):
    """src/model/linear.ts: W (in x out, row-major) then b from the stream; returns torch's (out x in) weight and bias."""
    bound = math.sqrt(6 / (fan_in + fan_out)) if init == 'glorot' else 1 / math.sqrt(fan_in)
    w = uniform_init(rng, (fan_in, fan_out), bound).t().contiguous()
    if not bias:
        return w, None
    b = torch.zeros(fan_out) if init == 'glorot' else uniform_init(rng, (fan_out,), bound)
    return w, b


def set_linear(lin, weight, bias=None):
    with torch.no_grad():
        lin.weight.copy_(weight)
        if bias is not None:
            lin.bias.copy_(bias)


# ---------------------------------------------------------------- layers (src/model/layers/*.ts)

class SeedGcnConv(MessagePassing):
    """The seed's layer: mean of the in-neighbours' vectors (0 without any; no self-loop), then Linear."""

    def __init__(self, in_channels, out_channels):
        super().__init__(aggr='mean')
        self.lin = nn.Linear(in_channels, out_channels)

    def forward(self, x, edge_index):
        return self.lin(self.propagate(edge_index, x=x))

    def message(self, x_j):
        return x_j


class MpnnConv(MessagePassing):
    """AGG in sum / mean / max over in-neighbours (0 without any), then replace W m + b, add W (h + m) + b or concat W [h | m] + b."""

    def __init__(self, in_channels, out_channels, aggr, update):
        super().__init__(aggr={'sum': 'add', 'mean': 'mean', 'max': 'max'}[aggr])
        self.update_kind = update
        self.lin = nn.Linear(2 * in_channels if update == 'concat' else in_channels, out_channels)

    def forward(self, x, edge_index):
        m = self.propagate(edge_index, x=x)
        if self.update_kind == 'replace':
            return self.lin(m)
        if self.update_kind == 'add':
            return self.lin(x + m)
        return self.lin(torch.cat([x, m], dim=1))

    def message(self, x_j):
        return x_j


class Rgcn(nn.Module):
    """src/model/layers/rgcn.ts: PyG's RGCNConv (mean, bases, root weight, bias) over the message relations
    (edge_type; one relation, every edge 0, on an untyped graph)."""
    typed = True

    def __init__(self, in_channels, out_channels, num_relations, num_bases):
        super().__init__()
        self.conv = RGCNConv(in_channels, out_channels, num_relations=num_relations, num_bases=num_bases, aggr='mean', root_weight=True, bias=True)

    def forward(self, x, edge_index, edge_type):
        return self.conv(x, edge_index, edge_type)


class Hetero(nn.Module):
    """src/model/layers/hetero.ts (PyG's HeteroConv in spirit): a copy of the layer per message relation, each over
    that relation's edges only, combined by sum, mean or max over the relations that end at the node's kind
    (`reach`, relations x nodes); 0 where none does."""
    typed = True

    def __init__(self, combine, copies, reach):
        super().__init__()
        self.combine = combine
        self.copies = nn.ModuleList(copies)
        self.register_buffer('reach', reach.float())

    def forward(self, x, edge_index, edge_type):
        out = torch.stack([conv(x, edge_index[:, edge_type == r]) for r, conv in enumerate(self.copies)])
        reach = self.reach.unsqueeze(-1)
        count = reach.sum(0)
        if self.combine == 'max':
            best = torch.where(reach > 0, out, torch.full_like(out, -math.inf)).max(0).values
            return torch.where(count > 0, best, torch.zeros_like(best))
        total = (out * reach).sum(0)
        return total / count.clamp(min=1) if self.combine == 'mean' else total


def make_layer(kind, fan_in, fan_out, rng, s, relations=None):
    """One layer with the app's initial weights, drawn from `rng` in the app's order. `relations`: the message
    relations (count, and per relation the nodes of its receiving kind) for R-GCN and the per-relation form."""
    count = relations['count'] if relations else 1
    hetero = s.get('hetero', 'off')
    if hetero != 'off' and kind != 'rgcn':
        reach = relations['reach']
        copies = [make_layer(kind, fan_in, fan_out, rng, {**s, 'hetero': 'off'}) for _ in range(count)]
        return Hetero(hetero, copies, reach)
    if kind == 'seed-gcn':
        layer = SeedGcnConv(fan_in, fan_out)
        set_linear(layer.lin, *app_linear(rng, fan_in, fan_out))
    elif kind == 'gcn':  # PyG's GCNConv: self-loops, symmetric normalisation, Glorot W without bias, then + b (0)
        layer = GCNConv(fan_in, fan_out, cached=True)
        set_linear(layer.lin, app_linear(rng, fan_in, fan_out, 'glorot', bias=False)[0])
        nn.init.zeros_(layer.bias)
    elif kind == 'sage':  # mean aggregation, W_neigh m + b + W_self h (lin_r has no bias)
        layer = SAGEConv(fan_in, fan_out, aggr='mean')
        set_linear(layer.lin_l, *app_linear(rng, fan_in, fan_out))
        set_linear(layer.lin_r, app_linear(rng, fan_in, fan_out, bias=False)[0])
    elif kind == 'gat':  # heads concatenated, self-loops, LeakyReLU 0.2, no attention dropout
        heads = s['heads']
        if fan_out % heads != 0:
            raise SystemExit(f'GAT: the width {fan_out} is not divisible by {heads} heads.')
        per_head = fan_out // heads
        layer = GATConv(fan_in, per_head, heads=heads, concat=True, negative_slope=0.2, add_self_loops=True)
        set_linear(layer.lin_src, app_linear(rng, fan_in, fan_out, 'glorot', bias=False)[0])
        bound = math.sqrt(6 / (heads + per_head))
        with torch.no_grad():
            layer.att_src.copy_(uniform_init(rng, (heads, per_head), bound).view(1, heads, per_head))
            layer.att_dst.copy_(uniform_init(rng, (heads, per_head), bound).view(1, heads, per_head))
            layer.bias.zero_()
    elif kind == 'gin':  # GIN-eps: MLP((1 + eps) h + sum of neighbours), MLP = Linear, ReLU, Linear; eps starts at 0
        layer = GINConv(nn.Sequential(nn.Linear(fan_in, fan_out), nn.ReLU(), nn.Linear(fan_out, fan_out)), eps=0.0, train_eps=True)
        # After construction: GINConv resets its MLP when built.
        set_linear(layer.nn[0], *app_linear(rng, fan_in, fan_out))
        set_linear(layer.nn[2], *app_linear(rng, fan_out, fan_out))
    elif kind == 'mpnn':
        layer = MpnnConv(fan_in, fan_out, s['aggregator'], s['update'])
        set_linear(layer.lin, *app_linear(rng, layer.lin.in_features, fan_out))
    elif kind == 'rgcn':  # bases V (B x in x out, Glorot over one basis), coefficients a (R x B), then the root W_0 (Glorot, no bias) and b = 0
        bases = s.get('bases', 4)
        layer = Rgcn(fan_in, fan_out, count, bases)
        with torch.no_grad():
            layer.conv.weight.copy_(uniform_init(rng, (bases, fan_in, fan_out), math.sqrt(6 / (fan_in + fan_out))))
            layer.conv.comp.copy_(uniform_init(rng, (count, bases), math.sqrt(6 / (count + bases))))
            layer.conv.root.copy_(app_linear(rng, fan_in, fan_out, 'glorot', bias=False)[0].t())
            layer.conv.bias.zero_()
    else:
        raise SystemExit(f'Unknown model kind "{kind}" (this script knows {", ".join(LAYER_KINDS)}).')
    return layer


class GnnModel(nn.Module):
    """src/model/model.ts: features, then the layers with ReLU between them (not after the last); dropout on the inputs of layers 2.."""

    def __init__(self, s, num_nodes, fixed, rng, relations):
        super().__init__()
        self.s = s
        # Each message edge's relation (R-GCN and the per-relation form read it); not part of the saved state.
        self.register_buffer('edge_type', relations['edge_type'], persistent=False)
        kinds = s['features'].split('+')
        hidden = s['hidden']
        feat_rng = rng.fork(10)
        self.embedding = None
        if 'learned' in kinds:  # N(0, 1) as torch.nn.Embedding, from the app's stream
            self.embedding = nn.Parameter(feat_rng.normals(num_nodes * hidden).float().view(num_nodes, hidden))
        # Fixed columns (random vectors and annotation blocks, in the app's order) come from features.npy.
        self.register_buffer('fixed', fixed if fixed is not None else torch.zeros(num_nodes, 0))
        in_dim = (hidden if self.embedding is not None else 0) + self.fixed.shape[1]
        if in_dim == 0:
            raise SystemExit('No node features: settings.json names none and features.npy is missing.')
        layer_rng = rng.fork(11)
        self.layers = nn.ModuleList(
            make_layer(s['model'], in_dim if l == 0 else hidden, hidden, layer_rng, s, relations) for l in range(max(1, s['layers']))
        )
        self.dropout_rng = rng.fork(12)

    def features(self):
        if self.embedding is None:
            return self.fixed
        return torch.cat([self.embedding, self.fixed], dim=1) if self.fixed.shape[1] else self.embedding

    def forward(self, edge_index, dropout=False):
        h = self.features()
        for l, layer in enumerate(self.layers):
            if l > 0 and dropout:
                h = self.drop(h)
            h = layer(h, edge_index, self.edge_type) if getattr(layer, 'typed', False) else layer(h, edge_index)
            if l < len(self.layers) - 1:
                h = F.relu(h)
        return h

    def drop(self, h):
        """Inverted dropout with the app's seeded masks (one number per element, row-major)."""
        p = self.s['dropout']
        if p <= 0:
            return h
        u = self.dropout_rng.uniform(h.numel()).view(h.shape)
        mask = torch.where(u < p, torch.zeros_like(u), torch.full_like(u, 1 / (1 - p))).float()
        return h * mask.to(h.device)


class LinkDecoder(nn.Module):
    """src/model/decoders.ts: dot h_u . h_v, DistMult sum_j h_u[j] r[j] h_v[j] (r starts at 1), MLP w2 . ReLU(W1 (h_u * h_v) + b1) + b2."""

    def __init__(self, kind, dim, rng):
        super().__init__()
        self.kind = kind
        if kind == 'distmult':
            self.relation = nn.Parameter(torch.ones(dim))
        elif kind == 'mlp':
            self.lin1, self.lin2 = nn.Linear(dim, dim), nn.Linear(dim, 1)
            set_linear(self.lin1, *app_linear(rng, dim, dim))
            set_linear(self.lin2, *app_linear(rng, dim, 1))
        elif kind != 'dot':
            raise SystemExit(f'Unknown decoder "{kind}" (dot, mlp, distmult).')

    def forward(self, h, a, b):
        if self.kind == 'dot':
            return (h[a] * h[b]).sum(1)
        if self.kind == 'distmult':
            return (h[a] * self.relation * h[b]).sum(1)
        return self.lin2(F.relu(self.lin1(h[a] * h[b]))).view(-1)


# ---------------------------------------------------------------- metrics (src/model/metrics.ts), torch only

def auroc(pos, neg):
    """Mann-Whitney U with average ranks for ties."""
    if len(pos) == 0 or len(neg) == 0:
        return float('nan')
    scores = torch.cat([pos, neg]).double()
    is_pos = torch.cat([torch.ones(len(pos)), torch.zeros(len(neg))]).double()
    values, order = torch.sort(scores)
    _, inverse, counts = torch.unique_consecutive(values, return_inverse=True, return_counts=True)
    start = torch.cumsum(counts, 0) - counts
    ranks = (start.double() + (counts.double() + 1) / 2)[inverse]
    rank_sum = float((ranks * is_pos[order]).sum())
    n_pos, n_neg = len(pos), len(neg)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def auprc(pos, neg):
    """Average precision as scikit-learn: sum over distinct thresholds of (R_n - R_n-1) P_n, ties entering together."""
    if len(pos) == 0:
        return float('nan')
    scores = torch.cat([pos, neg]).double()
    is_pos = torch.cat([torch.ones(len(pos)), torch.zeros(len(neg))]).double()
    values, order = torch.sort(scores, descending=True)
    _, counts = torch.unique_consecutive(values, return_counts=True)
    ends = torch.cumsum(counts, 0) - 1
    tp = torch.cumsum(is_pos[order], 0)[ends]
    seen = (ends + 1).double()
    recall = tp / len(pos)
    prev = torch.cat([torch.zeros(1, dtype=torch.float64), recall[:-1]])
    return float(((recall - prev) * (tp / seen)).sum())


def hits_at_k(pos, neg, k=20):
    """OGB's Hits@K: positives strictly above the K-th highest negative (1 with fewer than K negatives)."""
    if len(pos) == 0:
        return float('nan')
    if len(neg) < k:
        return 1.0
    kth = torch.sort(neg.double()).values[len(neg) - k]
    return float((pos.double() > kth).double().mean())


def accuracy(truth, pred):
    return float((truth == pred).double().mean()) if len(truth) else float('nan')


def macro_f1(truth, pred):
    """scikit-learn's f1_score(average='macro') over the classes in the truth or the predictions."""
    if len(truth) == 0:
        return float('nan')
    total = 0.0
    classes = torch.unique(torch.cat([truth, pred])).tolist()
    for c in classes:
        tp = int(((truth == c) & (pred == c)).sum())
        fp = int(((truth != c) & (pred == c)).sum())
        fn = int(((truth == c) & (pred != c)).sum())
        denom = 2 * tp + fp + fn
        total += 0 if denom == 0 else 2 * tp / denom
    return total / len(classes)


# ---------------------------------------------------------------- data

def read_npy(path):
    """A float32 2-D .npy without numpy (the app writes little-endian '<f4', C order)."""
    with open(path, 'rb') as f:
        raw = f.read()
    if raw[:6] != b'\x93NUMPY':
        raise SystemExit(f'{path}: not a .npy file.')
    major = raw[6]
    header_len = struct.unpack('<H', raw[8:10])[0] if major == 1 else struct.unpack('<I', raw[8:12])[0]
    start = (10 if major == 1 else 12) + header_len
    header = raw[(10 if major == 1 else 12):start].decode('latin1')
    if "'<f4'" not in header or 'True' in header:
        raise SystemExit(f'{path}: expected little-endian float32 in C order, got {header.strip()}.')
    shape = tuple(int(x) for x in header.split('(')[1].split(')')[0].split(',') if x.strip())
    return torch.frombuffer(bytearray(raw[start:]), dtype=torch.float32).view(*shape).clone()


def load_json(name):
    with open(os.path.join(HERE, name), encoding='utf-8') as f:
        return json.load(f)


def load_node_ids():
    with open(os.path.join(HERE, 'data', 'nodes.csv'), newline='', encoding='utf-8') as f:
        return [row['id'] for row in csv.DictReader(f)]


def pairs_tensor(rows, index_map=None):
    t = torch.tensor(rows, dtype=torch.int64).view(-1, 2) if rows else torch.zeros(0, 2, dtype=torch.int64)
    if index_map is not None:
        t = index_map[t]
    return torch.minimum(t[:, 0], t[:, 1]), torch.maximum(t[:, 0], t[:, 1])


def both_directions(a, b):
    return torch.stack([torch.cat([a, b]), torch.cat([b, a])])


def metrics_of(r):
    if r is None:
        return None
    out = {'epoch': r['epoch']}
    out.update({k: v for k, v in r.items() if (k.startswith('val') or k.startswith('test')) and not math.isnan(v)})
    return out


# ---------------------------------------------------------------- tasks

class LinkTask:
    """src/model/tasks/linkTrainer.ts: BCE with one fresh uniform negative per training positive each epoch; messages over training pairs."""

    def __init__(self, s, ids, rng):
        # Hits@20 picks the best epoch on ogbl-ddi's official split, as the app's CLI; AUROC otherwise.
        self.select_by = load_json('manifest.json').get('selectBy', 'auroc')
        split = load_json('split.json')
        if split.get('format') != 'link-split/1':
            raise SystemExit('split.json: not a link-split/1 file.')
        index = {node_id: i for i, node_id in enumerate(ids)}
        missing = [x for x in split['node_ids'] if str(x) not in index]
        if missing:
            raise SystemExit(f'split.json: {len(missing)} node id(s) are not in data/nodes.csv, e.g. {missing[:3]}.')
        index_map = torch.tensor([index[str(x)] for x in split['node_ids']], dtype=torch.int64)
        self.n = len(ids)
        self.train = pairs_tensor(split['train_pos'], index_map)
        self.parts = {k: pairs_tensor(split[k], index_map) for k in ('val_pos', 'val_neg', 'test_pos', 'test_neg')}
        self.train_set = PairSet(self.n, *self.train)
        self.rng = rng
        # Typed graph: messages over the relation's training pairs and every other relation's pairs, each
        # message edge with its relation; negatives of the relation's two kinds (a drug with a protein).
        self.typed = relation_task(s, load_json('manifest.json'), self.n)
        self.negative_nodes = self.negative_others = None
        if self.typed is None:
            self.edge_index = both_directions(*self.train)
            self.relations = one_relation(self.n, self.edge_index)
        else:
            t = self.typed
            own = torch.full_like(self.train[0], t['index'])
            self.edge_index, self.relations = relational_messages(t, [(*self.train, own), t['context']])
            self.negative_nodes, self.negative_others = t['left'], t['right']
            log(f"relation {t['name']}: {len(t['context'][0])} context pairs; message relations {', '.join(self.relations['names'])}")

    def build_head(self, s, rng):
        self.decoder = LinkDecoder(s['decoder'], s['hidden'], rng.fork(5))
        self.negative_seed = rng.fork(3).int(2 ** 32)
        self.batch_rng = rng.fork(6)  # forked last, as the app
        return self.decoder

    def negatives(self, epoch):
        count = len(self.train[0])
        return draw_negatives(self.n, draw_key(self.negative_seed, epoch), count, self.train_set, self.negative_nodes, self.negative_others)

    def loss(self, h, head, pos, neg):
        logits = torch.cat([head(h, *pos), head(h, *neg)])
        labels = torch.cat([torch.ones(len(pos[0])), torch.zeros(len(neg[0]))]).to(logits.device)
        return F.binary_cross_entropy_with_logits(logits, labels)

    @torch.no_grad()
    def evaluate(self, h, head):
        # Scores back on the CPU for the metrics (index tensors stay there; they move with each call on a GPU).
        sc = {k: head(h, p[0].to(h.device), p[1].to(h.device)).float().cpu() for k, p in self.parts.items()}
        return {
            'valAuroc': auroc(sc['val_pos'], sc['val_neg']),
            'valAuprc': auprc(sc['val_pos'], sc['val_neg']),
            'testAuroc': auroc(sc['test_pos'], sc['test_neg']),
            'testAuprc': auprc(sc['test_pos'], sc['test_neg']),
            'valHits20': hits_at_k(sc['val_pos'], sc['val_neg'], 20),
            'testHits20': hits_at_k(sc['test_pos'], sc['test_neg'], 20),
        }

    def score(self, m):
        return m['valHits20'] if self.select_by == 'hits20' else m['valAuroc']


class ConcatTypeHead(nn.Module):
    """src/model/typeHeads.ts ConcatMlpTypeHead: W2 . Dropout(ReLU(W1 [h_a | h_b] + b1)) + b2, masks from the app's stream."""

    def __init__(self, d, types, rng, p, dropout_rng):
        super().__init__()
        self.hidden = nn.Linear(2 * d, 2 * d)
        set_linear(self.hidden, *app_linear(rng, 2 * d, 2 * d))
        self.out = nn.Linear(2 * d, types)
        set_linear(self.out, *app_linear(rng, 2 * d, types))
        self.p, self.dropout_rng = p, dropout_rng

    def forward(self, ha, hb, training=False):
        z = torch.relu(self.hidden(torch.cat([ha, hb], dim=1)))
        if training and self.p > 0:
            u = self.dropout_rng.uniform(z.numel()).view(z.shape)
            z = z * torch.where(u < self.p, torch.zeros_like(u), torch.full_like(u, 1 / (1 - self.p))).float().to(z.device)
        return self.out(z)


class DistMultTypeHead(nn.Module):
    """src/model/typeHeads.ts DistMultTypeHead: a Linear on h_a * h_b (symmetric in a and b)."""

    def __init__(self, d, types, rng):
        super().__init__()
        self.lin = nn.Linear(d, types)
        set_linear(self.lin, *app_linear(rng, d, types))

    def forward(self, ha, hb, training=False):
        return self.lin(ha * hb)


class TypeTask:
    """src/model/tasks/typeTrainer.ts: softmax cross-entropy over the interaction types of (head, tail) pairs;
    decoder mlp: an MLP on [h_a | h_b] (direction-aware), distmult / dot: per-type DistMult."""

    def __init__(self, s, ids, rng):
        split = load_json('type-split.json')
        self.types = split['types']
        t = lambda rows: torch.tensor(rows, dtype=torch.int64).view(-1, 3)
        self.parts = {k: t(split[k]) for k in ('train', 'val', 'test')}
        tr = self.parts['train']
        # Each training pair once for message passing, whichever directions were listed (uniqueUndirected).
        lo, hi = torch.minimum(tr[:, 0], tr[:, 1]).tolist(), torch.maximum(tr[:, 0], tr[:, 1]).tolist()
        seen, ua, ub = set(), [], []
        for u, v in zip(lo, hi):
            if (u, v) not in seen:
                seen.add((u, v))
                ua.append(u)
                ub.append(v)
        self.edge_index = both_directions(torch.tensor(ua, dtype=torch.int64), torch.tensor(ub, dtype=torch.int64))
        # The type task ignores relations (as the app): one message relation.
        self.relations = one_relation(len(ids), self.edge_index)

    def build_head(self, s, rng):
        d, types = s['hidden'], len(self.types)
        head_rng = rng.fork(5)
        self.batch_rng = rng.fork(6)
        if s['decoder'] == 'mlp':
            return ConcatTypeHead(d, types, head_rng, s['dropout'], rng.fork(8))
        return DistMultTypeHead(d, types, head_rng)

    def logits(self, h, head, p, training=False):
        return head(h[p[:, 0]], h[p[:, 1]], training)

    def loss(self, h, head, idx=None, *_):
        p = self.parts['train'] if idx is None else self.parts['train'][idx]
        p = p.to(h.device)
        return F.cross_entropy(self.logits(h, head, p, True), p[:, 2])

    @torch.no_grad()
    def evaluate(self, h, head):
        out = {}
        for part, name in (('val', 'val'), ('test', 'test')):
            p = self.parts[part]
            pred = self.logits(h, head, p.to(h.device)).argmax(1).cpu()
            out[f'{name}Accuracy'] = accuracy(p[:, 2], pred)
            out[f'{name}MacroF1'] = macro_f1(p[:, 2], pred)
        return {'valAccuracy': out['valAccuracy'], 'testAccuracy': out['testAccuracy'], 'valMacroF1': out['valMacroF1'], 'testMacroF1': out['testMacroF1']}

    def score(self, m):
        return m['valMacroF1']


class NodeTask:
    """src/model/tasks/nodeTrainer.ts: ATC main group of the labelled drugs; messages over every known interaction."""

    def __init__(self, s, ids, rng):
        split = load_json('node-split.json')
        self.labels = torch.tensor(split['labels'], dtype=torch.int64)
        self.parts = {k: torch.tensor(split[k], dtype=torch.int64) for k in ('train', 'val', 'test')}
        edges = read_edges(len(ids))
        self.edge_index = both_directions(*edges)
        self.relations = one_relation(len(ids), self.edge_index)

    def build_head(self, s, rng):
        lin = nn.Linear(s['hidden'], len(ATC_GROUPS))
        set_linear(lin, *app_linear(rng.fork(5), s['hidden'], len(ATC_GROUPS)))
        return lin

    def loss(self, h, head, *_):
        idx = self.parts['train']
        return F.cross_entropy(head(h[idx.to(h.device)]), self.labels[idx].to(h.device))

    @torch.no_grad()
    def evaluate(self, h, head):
        pred = head(h).argmax(1).cpu()
        v, t = self.parts['val'], self.parts['test']
        return {
            'valAccuracy': accuracy(self.labels[v], pred[v]),
            'testAccuracy': accuracy(self.labels[t], pred[t]),
            'valMacroF1': macro_f1(self.labels[v], pred[v]),
            'testMacroF1': macro_f1(self.labels[t], pred[t]),
        }

    def score(self, m):
        return m['valMacroF1']


def read_edges(n):
    src, dst = [], []
    with open(os.path.join(HERE, 'data', 'edges.csv'), newline='', encoding='utf-8') as f:
        for row in csv.DictReader(f):
            src.append(int(row['source']))
            dst.append(int(row['target']))
    return torch.tensor(src, dtype=torch.int64), torch.tensor(dst, dtype=torch.int64)


def one_relation(n, edge_index):
    """An untyped graph's message relations: one, reaching every node."""
    return {'count': 1, 'reach': torch.ones(1, n, dtype=torch.bool), 'edge_type': torch.zeros(edge_index.shape[1], dtype=torch.int64)}


# ---------------------------------------------------------------- typed graphs (src/model/relations.ts)

def relation_task(s, manifest, n):
    """The relation predicted and the rest of a typed graph (manifest kinds/relations, the kind and relation
    columns), or None when the graph is untyped. Empty setting: drug-drug when the graph has it, else its only relation."""
    relations = manifest.get('relations')
    if not relations:
        if s.get('relation') not in (None, '', 'drug-drug'):
            raise SystemExit(f"relation \"{s['relation']}\": this graph has no relations (every pair is drug-drug)")
        return None
    setting = s.get('relation') or ''
    name = setting or ('drug-drug' if 'drug-drug' in relations else relations[0] if len(relations) == 1 else '')
    if name not in relations:
        raise SystemExit(f"relation \"{setting}\" is not in this graph; choose one of: {', '.join(relations)}")
    kinds = manifest['kinds']
    with open(os.path.join(HERE, 'data', 'nodes.csv'), newline='', encoding='utf-8') as f:
        node_kind = torch.tensor([kinds.index(row['kind']) for row in csv.DictReader(f)], dtype=torch.int64)
    src, dst, rel = [], [], []
    with open(os.path.join(HERE, 'data', 'edges.csv'), newline='', encoding='utf-8') as f:
        for row in csv.DictReader(f):
            src.append(int(row['source']))
            dst.append(int(row['target']))
            rel.append(relations.index(row['relation']))
    src, dst, rel = (torch.tensor(x, dtype=torch.int64) for x in (src, dst, rel))
    index = relations.index(name)
    target = rel == index
    # The relation's two kinds from its first pair, lower kind first (relations.ts endKinds).
    ends = [0, 0] if not bool(target.any()) else sorted([int(node_kind[src[target][0]]), int(node_kind[dst[target][0]])])
    left = torch.nonzero(node_kind == ends[0]).view(-1)
    right = left if ends[0] == ends[1] else torch.nonzero(node_kind == ends[1]).view(-1)
    return {'name': name, 'index': index, 'kinds': kinds, 'node_kind': node_kind, 'relations': relations,
            'context': (src[~target], dst[~target], rel[~target]), 'left': left, 'right': right}


def relational_messages(task, groups):
    """relations.ts relationalMessageGraph: both directions of every pair, each message edge's relation the id of
    (relation, kind of the receiving node) among the ids in use, in that order; and the nodes each relation reaches."""
    node_kind, k = task['node_kind'], len(task['kinds'])
    src = torch.cat([torch.cat([a, b]) for a, b, _ in groups])
    dst = torch.cat([torch.cat([b, a]) for a, b, _ in groups])
    rel = torch.cat([torch.cat([r, r]) for _, _, r in groups])
    used, edge_type = torch.unique(rel * k + node_kind[dst], sorted=True, return_inverse=True)
    names = [f"{task['relations'][int(x) // k]}\u2192{task['kinds'][int(x) % k]}" for x in used]
    reach = torch.stack([node_kind == int(x) % k for x in used])
    return torch.stack([src, dst]), {'count': len(used), 'reach': reach, 'edge_type': edge_type, 'names': names}


# ---------------------------------------------------------------- training

def parse_args():
    p = argparse.ArgumentParser(description='Train the exported Drug GNN Playground model with PyTorch Geometric.')
    p.add_argument('--epochs', type=int)
    p.add_argument('--seed', type=int)
    p.add_argument('--lr', type=float)
    p.add_argument('--patience', type=int)
    p.add_argument('--dropout', type=float)
    p.add_argument('--batch-size', type=int, help='link and type tasks: training pairs per optimiser step (0 = all)')
    p.add_argument('--model', choices=LAYER_KINDS)
    p.add_argument('--decoder', choices=('dot', 'mlp', 'distmult'))
    p.add_argument('--ddp', action='store_true', help='DistributedDataParallel over mini-batches of training pairs (run with torchrun)')
    p.add_argument('--threads', type=int, help='torch.set_num_threads')
    p.add_argument('--device', choices=('auto', 'cpu', 'cuda'), default='auto', help='auto: CUDA when available')
    return p.parse_args()


def main():
    args = parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    s = load_json('settings.json')
    overrides = {'epochs': args.epochs, 'seed': args.seed, 'learningRate': args.lr, 'patience': args.patience,
                 'dropout': args.dropout, 'batchSize': args.batch_size, 'model': args.model, 'decoder': args.decoder}
    s.update({k: v for k, v in overrides.items() if v is not None})
    manifest = load_json('manifest.json')

    rank, world = 0, 1
    device = torch.device('cpu')
    use_cuda = args.device == 'cuda' or (args.device == 'auto' and torch.cuda.is_available())
    if args.ddp:
        import torch.distributed as dist
        if s['task'] != 'link':
            raise SystemExit('--ddp splits the training pairs of the link task; the type and node tasks train full batch.')
        backend = 'nccl' if use_cuda else 'gloo'
        dist.init_process_group(backend)
        rank, world = dist.get_rank(), dist.get_world_size()
        if backend == 'nccl':
            device = torch.device('cuda', int(os.environ.get('LOCAL_RANK', 0)))
            torch.cuda.set_device(device)
    elif use_cuda:
        device = torch.device('cuda')
    say = log if rank == 0 else (lambda *a: None)

    ids = load_node_ids()
    n = len(ids)
    fixed = read_npy(os.path.join(HERE, 'features.npy')) if os.path.exists(os.path.join(HERE, 'features.npy')) else None
    if fixed is not None and fixed.shape[0] != n:
        raise SystemExit(f'features.npy has {fixed.shape[0]} rows for {n} nodes in data/nodes.csv.')

    rng = Rng(s['seed'])
    task = {'link': LinkTask, 'type': TypeTask, 'node': NodeTask}[s['task']](s, ids, rng)
    model = GnnModel(s, n, fixed, rng.fork(4), task.relations)  # the app's first fork of the seed's stream
    head = task.build_head(s, rng)
    model, head = model.to(device), head.to(device)
    edge_index = task.edge_index.to(device)
    params = list(model.parameters()) + list(head.parameters())
    opt = torch.optim.Adam(params, lr=s['learningRate'], betas=(0.9, 0.999), eps=1e-7)

    net = None
    if args.ddp:
        from torch.nn.parallel import DistributedDataParallel as DDP

        class Whole(nn.Module):
            """Model and head behind one module so DDP averages all gradients."""

            def __init__(self):
                super().__init__()
                self.model, self.head = model, head

            def forward(self, pos, neg):
                h = self.model(edge_index, dropout=True)
                return task.loss(h, self.head, pos, neg)

        net = DDP(Whole().to(device), device_ids=[device.index] if device.type == 'cuda' else None)

    say(f"{manifest.get('dataset', 'graph')}: {n} drugs, {manifest.get('edges', '?')} interactions; task {s['task']}, model {s['model']}, "
        f"{s['layers']} layers x {s['hidden']}, features {s['features']}, decoder {s['decoder']}, "
        f"PyTorch {torch.__version__}, {device}{f', DDP x {world}' if args.ddp else ''}")

    def epoch_link(epoch):
        count = len(task.train[0])
        neg_a, neg_b = task.negatives(epoch)
        size = s['batchSize']
        if args.ddp:
            # Each process takes its share of a seeded permutation (the same on every process), in batches of size/world.
            g = torch.Generator().manual_seed(s['seed'] * 1000003 + epoch)
            order = torch.randperm(count, generator=g) if size > 0 else torch.arange(count)
            mine = order[rank::world]
            per = max(1, (size // world) if size > 0 else len(mine))
            batches = [mine[i:i + per] for i in range(0, len(mine), per)]
            # Every process steps the same number of times (DDP's all-reduce needs it).
            steps = math.ceil(math.ceil(count / world) / per)
            batches = (batches + [mine[:per]] * steps)[:steps]
        elif size <= 0 or size >= count:
            batches = [torch.arange(count)]
        else:
            order = torch.tensor(task.batch_rng.permutation(count), dtype=torch.int64)
            batches = [order[i:i + size] for i in range(0, count, size)]
        total = 0.0
        for idx in batches:
            pos = (task.train[0][idx].to(device), task.train[1][idx].to(device))
            neg = (neg_a[idx].to(device), neg_b[idx].to(device))
            opt.zero_grad()
            if net is not None:
                loss = net(pos, neg)
            else:
                loss = task.loss(model(edge_index, dropout=True), head, pos, neg)
            loss.backward()
            opt.step()
            total += float(loss) * len(idx)
        return total / sum(len(b) for b in batches)

    def epoch_type():
        # Mini-batches of training pairs as the app's type task (batchIndices: one batch in order when batchSize is 0 or covers all).
        count = len(task.parts['train'])
        size = s['batchSize']
        if size <= 0 or size >= count:
            batches = [None]
        else:
            order = torch.tensor(task.batch_rng.permutation(count), dtype=torch.int64)
            batches = [order[i:i + size] for i in range(0, count, size)]
        total = 0.0
        for idx in batches:
            opt.zero_grad()
            loss = task.loss(model(edge_index, dropout=True), head, idx)
            loss.backward()
            opt.step()
            total += float(loss) * (count if idx is None else len(idx))
        return total / count

    def epoch_full():
        opt.zero_grad()
        loss = task.loss(model(edge_index, dropout=True), head)
        loss.backward()
        opt.step()
        return float(loss)

    best, best_state, last, stop_reason, error = None, None, None, None, None
    times = []
    epoch = 0
    patience = s['patience']
    try:
        while epoch < s['epochs'] and stop_reason is None:
            model.train()
            t0 = time.perf_counter()
            loss = epoch_link(epoch) if s['task'] == 'link' else epoch_type() if s['task'] == 'type' else epoch_full()
            times.append((time.perf_counter() - t0) * 1000)
            epoch += 1
            if not math.isfinite(loss) or loss > 1e6:
                raise FloatingPointError(f'Training stopped at epoch {epoch}: the loss became {loss}. Try a smaller learning rate.')
            model.eval()
            with torch.no_grad():
                h = model(edge_index)
                last = {'epoch': epoch, 'loss': loss, **task.evaluate(h, head)}
            if best is None or task.score(last) > task.score(best):
                best = last
                if patience > 0:
                    best_state = (copy.deepcopy(model.state_dict()), copy.deepcopy(head.state_dict()))
            if patience > 0 and epoch - best['epoch'] >= patience:
                model.load_state_dict(best_state[0])
                head.load_state_dict(best_state[1])
                stop_reason = (f"Early stopping at epoch {epoch}: no better validation score for {patience} epochs; "
                               f"the best was at epoch {best['epoch']}, whose weights the model holds again.")
            body = ' '.join(f'{k} {v:.4f}' for k, v in last.items() if k not in ('epoch', 'loss'))
            say(f"epoch {epoch}/{s['epochs']}  loss {loss:.4f}  {body}  {times[-1]:.0f} ms")
    except FloatingPointError as e:
        error = str(e)
        say(error)
    if stop_reason:
        say(stop_reason)
    times.sort()
    median = (times[(len(times) - 1) // 2] + times[len(times) // 2]) / 2 if times else float('nan')
    result = {
        'dataset': manifest.get('dataset'),
        'nodes': n,
        'edges': manifest.get('edges'),
        'split': manifest.get('split'),
        'backend': f'pytorch-geometric {device.type}' + (f' ddp x{world}' if args.ddp else ''),
        'aggregation': 'pyg',
        'settings': s,
        'epochs': epoch,
        'medianEpochMs': round(median * 10) / 10,
        'last': metrics_of(last),
        'best': metrics_of(best),
        'test': {k: v for k, v in (metrics_of(last) or {}).items() if k.startswith('test')} if last else None,
        'stopReason': stop_reason,
        'error': error,
        'featureNotes': manifest.get('featureNotes', []),
    }
    if rank == 0:
        print(json.dumps(result), flush=True)
    if args.ddp:
        import torch.distributed as dist
        dist.destroy_process_group()
    return 2 if error else 0


if __name__ == '__main__':
    sys.exit(main())
