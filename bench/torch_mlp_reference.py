"""Outside reference for `npm run bench -- --only=mlp`: the default model's training epoch in plain PyTorch.

Not a dependency of the project or its tests: bench/mlpBench.ts runs it only when python3 can import
torch (Debian's python3-torch 1.13 here), and reports "reference skipped" otherwise.

The same model and work per epoch as the app's default (Kipf GCN 2 x 64 on learned embeddings, MLP
decoder s = w2 . ReLU(W1 (h_u * h_v) + b1) + b2, BCE with one uniform negative per training positive,
Adam, full batch): GCN layers as one sparse matmul with D^-1/2 (A + I) D^-1/2 each, the pair MLP on
the gathered rows. The training pairs come from the benchmark (a binary file: int32 n, int32 P, then
P int32 a, then P int32 b) so both sides train on the same pair count.

usage: python3 bench/torch_mlp_reference.py PAIRS_FILE [--threads 2] [--epochs 20] [--hidden 64]
prints one JSON line: {"torch": version, "threads": t, "epochMs": [...], "medianMs": m}
"""
import argparse
import json
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


def normalized_adjacency(n, a, b):
    src = torch.cat([a, b, torch.arange(n)])
    dst = torch.cat([b, a, torch.arange(n)])
    deg = torch.bincount(dst, minlength=n).float()
    w = deg[src].rsqrt() * deg[dst].rsqrt()
    return torch.sparse_coo_tensor(torch.stack([dst, src]), w, (n, n)).coalesce().to_sparse_csr()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("pairs")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--hidden", type=int, default=64)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)

    raw = np.fromfile(args.pairs, dtype=np.int32)
    n, count = int(raw[0]), int(raw[1])
    a = torch.from_numpy(raw[2 : 2 + count].astype(np.int64))
    b = torch.from_numpy(raw[2 + count : 2 + 2 * count].astype(np.int64))
    adj = normalized_adjacency(n, a, b)
    d = args.hidden

    emb = torch.nn.Parameter(torch.randn(n, d) * 0.1)
    gcn = [torch.nn.Linear(d, d) for _ in range(2)]
    lin1, lin2 = torch.nn.Linear(d, d), torch.nn.Linear(d, 1)
    params = [emb] + [q for m in gcn + [lin1, lin2] for q in m.parameters()]
    opt = torch.optim.Adam(params, lr=0.01)

    def score(h, u, v):
        return lin2(F.relu(lin1(h[u] * h[v]))).view(-1)

    times = []
    for _ in range(args.epochs + 1):  # the first epoch is a warm-up
        t0 = time.perf_counter()
        neg_a = torch.randint(0, n, (count,))
        neg_b = torch.randint(0, n, (count,))
        opt.zero_grad()
        h = emb
        for i, layer in enumerate(gcn):
            h = torch.sparse.mm(adj, layer(h))
            if i < len(gcn) - 1:
                h = F.relu(h)
        logits = torch.cat([score(h, a, b), score(h, neg_a, neg_b)])
        labels = torch.cat([torch.ones(count), torch.zeros(count)])
        loss = F.binary_cross_entropy_with_logits(logits, labels)
        loss.backward()
        opt.step()
        times.append((time.perf_counter() - t0) * 1000)
    epoch_ms = times[1:]
    print(json.dumps({"torch": torch.__version__, "threads": args.threads, "epochMs": [round(t, 1) for t in epoch_ms], "medianMs": round(statistics.median(epoch_ms), 1)}))


if __name__ == "__main__":
    sys.exit(main())
