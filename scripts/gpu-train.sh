#!/bin/bash
# ogbl-ddi training through the CLI on WebGPU (Dawn) on a GPU machine, from the folder that
# scripts/gpu-bundle.sh made. Usage: bash .devgpu/train.sh <train options…>   (LIMIT=… caps the run in s)
# Prints every 10th epoch and, at the end, the best validation epoch's Hits@20 (the log: $OUT/cli.log).
source "$(dirname "$0")/env.sh"
timeout ${LIMIT:-380} ./node cli.mjs train --ogbl-ddi data/ogbl_ddi --backend webgpu "$@" 2>&1 | grep -v XDG_RUNTIME | tee $OUTDIR/cli.log | awk 'NR<=3 || NR%10==0'
echo "exit ${PIPESTATUS[0]}"
python3 - $OUTDIR/cli.log <<'PY'
import re,sys
best=None
for l in open(sys.argv[1]):
    m=re.match(r'epoch\s+(\d+)/\d+\s+loss (\S+).*?val auroc (\S+).*?hits@20 (\S+) \| test auroc (\S+).*?hits@20 (\S+)\s+(\d+) ms',l)
    if m:
        e,loss,va,vh,ta,th,ms=m.groups()
        if best is None or float(vh)>best[1]: best=(int(e),float(vh),float(th),float(ta),ms)
        last=(e,vh,th,ms)
print('last epoch',last,'best val hits20 epoch/val/test/testAUROC/ms',best)
PY
