#!/bin/bash
# Runs the WebGPU (Dawn) benchmark on a GPU machine from the folder scripts/gpu-bundle.sh made.
# Usage: bash .devgpu/run.sh [--short]   (ICD=… picks a Vulkan driver; LIMIT=… caps the run in s)
cd "$(dirname "$0")"
OUTDIR=${OUT:-/tmp/out}; mkdir -p $OUTDIR
py() { python3 -c "import lzma,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2],'wb'))" "$@"; }
[ -x node ] || { py node.xz node && chmod +x node; }
[ -f node_modules/webgpu/dist/linux-x64/dawn.node ] || py dawn.node.xz node_modules/webgpu/dist/linux-x64/dawn.node
nvidia-smi -L 2>/dev/null
# The NVIDIA Vulkan ICD (libGLX_nvidia) needs glvnd and the loader, absent from the image (device README).
for f in gl/*.deb; do dpkg -x $f /; done; ldconfig
ICD=${ICD:-$(ls /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json 2>/dev/null | head -1)}
echo "ICD: $ICD"; ldconfig -p | grep -c libvulkan
export VK_ICD_FILENAMES=$ICD VK_DRIVER_FILES=$ICD XDG_RUNTIME_DIR=/tmp
./node --version
timeout 60 ./node probe.mjs 2>&1 | tail -4
SHARED_DATASETS=$PWD/data timeout ${LIMIT:-420} ./node gpu.mjs --json "$@" > $OUTDIR/gpu.json 2> >(tee $OUTDIR/gpu.log >&2)
echo "exit $?"; wc -c $OUTDIR/gpu.json
