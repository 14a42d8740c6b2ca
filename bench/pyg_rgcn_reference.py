"""Outside reference for `npm run bench -- --only=rgcn`: an R-GCN training epoch with PyTorch Geometric's RGCNConv.

Not a dependency of the project or its tests: bench/rgcnBench.ts runs it only when python3 imports torch
and torch_geometric (Debian's python3-torch 1.13 with PyG's pure-Python source on PYTHONPATH, e.g. a
`git archive 2.4.0` of pyg-team/pytorch_geometric), and reports "reference skipped" otherwise.

The same model and work per epoch as the app's `rgcn` link model: learned embeddings, two RGCNConv
layers 64 -> 64 -> 64 (basis decomposition, mean aggregation per relation, root weight and bias, ReLU
between), the MLP decoder s = w2 . ReLU(W1 (h_u * h_v) + b1) + b2, BCE with one negative per training
positive drawn from the relation's two kinds (a drug with a protein), Adam, full batch. The message
graph, its relation per edge and the training pairs come from the benchmark, so both sides train on the
same graph.

Graph file (int32): n, R, E, P, L, M, then E src, E dst, E relation, P a, P b, L left nodes, M right nodes.

usage: python3 bench/pyg_rgcn_reference.py GRAPH_FILE [--threads 1] [--epochs 10] [--hidden 64] [--bases 4]
prints one JSON line: {"torch": version, "pyg": version, "threads": t, "epochMs": [...], "medianMs": m, "medianCpuMs": c}
(CPU time of this process per epoch: on a shared machine it says more than wall time, at 1 thread).
"""
import argparse
import json
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
import torch_geometric
from torch_geometric.nn import RGCNConv


def main():
    p = argparse.ArgumentParser()
    p.add_argument("graph")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--bases", type=int, default=4)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)

    raw = np.fromfile(args.graph, dtype=np.int32)
    n, num_rel, e, count, nl, nr = (int(x) for x in raw[:6])
    parts = np.split(raw[6:].astype(np.int64), np.cumsum([e, e, e, count, count, nl])[:6])
    src, dst, rel, a, b, left, right = (torch.from_numpy(x) for x in parts)
    # PyG's messages flow edge_index[0] -> edge_index[1]: the receiving node is dst.
    edge_index = torch.stack([src, dst])
    d = args.hidden

    emb = torch.nn.Parameter(torch.randn(n, d) * 0.1)
    convs = [RGCNConv(d, d, num_rel, num_bases=args.bases, aggr="mean") for _ in range(2)]
    lin1, lin2 = torch.nn.Linear(d, d), torch.nn.Linear(d, 1)
    params = [emb] + [q for m in convs + [lin1, lin2] for q in m.parameters()]
    opt = torch.optim.Adam(params, lr=0.01)

    def score(h, u, v):
        return lin2(F.relu(lin1(h[u] * h[v]))).view(-1)

    times = []
    cpu = []
    for _ in range(args.epochs + 1):  # the first epoch is a warm-up
        t0 = time.perf_counter()
        c0 = time.process_time()
        neg_a = left[torch.randint(0, nl, (count,))]
        neg_b = right[torch.randint(0, nr, (count,))]
        opt.zero_grad()
        h = emb
        for i, conv in enumerate(convs):
            h = conv(h, edge_index, rel)
            if i < len(convs) - 1:
                h = F.relu(h)
        logits = torch.cat([score(h, a, b), score(h, neg_a, neg_b)])
        labels = torch.cat([torch.ones(count), torch.zeros(count)])
        loss = F.binary_cross_entropy_with_logits(logits, labels)
        loss.backward()
        opt.step()
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    epoch_ms = times[1:]
    print(
        json.dumps(
            {
                "torch": torch.__version__,
                "pyg": torch_geometric.__version__,
                "threads": args.threads,
                "epochMs": [round(t, 1) for t in epoch_ms],
                "medianMs": round(statistics.median(epoch_ms), 1),
                "medianCpuMs": round(statistics.median(cpu[1:]), 1),
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
