#!/bin/bash
# Runs the WebGPU (Dawn) benchmark on a GPU machine from the folder scripts/gpu-bundle.sh made.
# Usage: bash .devgpu/run.sh [--short]   (ICD=… picks a Vulkan driver; LIMIT=… caps the run in s)
source "$(dirname "$0")/env.sh"
nvidia-smi -L 2>/dev/null
echo "ICD: $ICD"; ldconfig -p | grep -c libvulkan
./node --version
timeout 60 ./node probe.mjs 2>&1 | tail -4
SHARED_DATASETS=$PWD/data timeout ${LIMIT:-420} ./node gpu.mjs --json "$@" > $OUTDIR/gpu.json 2> >(tee $OUTDIR/gpu.log >&2)
echo "exit $?"; wc -c $OUTDIR/gpu.json
