#!/bin/bash
# Packs the WebGPU benchmark (bench/gpu.ts) for a GPU machine that has neither Node nor network:
# one bundled script, this machine's Node binary and Dawn (the `webgpu` package's dawn.node), xz-
# compressed, the glvnd/Vulkan loader packages the NVIDIA Vulkan driver needs, and a copy of the
# benchmark's data sets from ../shared (into .devgpu/, which git ignores: the data is not
# redistributed, only carried to the machine for the run). Then on the GPU machine:
#   bash .devgpu/run.sh            (benchmark: writes gpu.json and gpu.log to $OUT or /tmp/out)
#   bash .devgpu/train.sh --model sage --decoder mlp …   (ogbl-ddi training with the official split)
set -euo pipefail
cd "$(dirname "$0")/.."
D=.devgpu
SHARED=${SHARED_DATASETS:-../shared/datasets}
grep -qx '/.devgpu/' .git/info/exclude 2>/dev/null || echo '/.devgpu/' >> .git/info/exclude
rm -rf $D && mkdir -p $D/node_modules/webgpu/dist/linux-x64 $D/gl $D/data/biosnap_chch_miner $D/data/deepddi_drugbank_ddi_86types
tmp=$(mktemp -d) && (cd $tmp && npm pack -q webgpu@0.6.2 >/dev/null && tar xzf webgpu-0.6.2.tgz)
cp $tmp/package/index.js $tmp/package/package.json $D/node_modules/webgpu/
xz -T2 -6 -c $tmp/package/dist/linux-x64/dawn.node > $D/dawn.node.xz
xz -T2 -6 -c "$(command -v node)" > $D/node.xz
rm -rf $tmp
(cd $D/gl && apt-get download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2 2>/dev/null)
cp -r $SHARED/ogbl_ddi $D/data/
cp $SHARED/biosnap_chch_miner/ChCh-Miner_durgbank-chem-chem.tsv $D/data/biosnap_chch_miner/
cp $SHARED/deepddi_drugbank_ddi_86types/Drugbank.txt $D/data/deepddi_drugbank_ddi_86types/
cat > $D/probe.mjs <<'JS'
import { create, globals } from 'webgpu';
Object.assign(globalThis, globals);
const a = await create([]).requestAdapter();
console.log('adapter', a && a.info);
JS
node_modules/.bin/esbuild bench/gpu.ts --bundle --platform=node --format=esm --external:webgpu --outfile=$D/gpu.mjs \
  --banner:js="import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" --log-level=warning
node_modules/.bin/esbuild src/cli/main.ts --bundle --platform=node --format=esm --external:webgpu --outfile=$D/cli.mjs \
  --banner:js="import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" --log-level=warning
cp scripts/gpu-env.sh $D/env.sh
cp scripts/gpu-run.sh $D/run.sh
cp scripts/gpu-train.sh $D/train.sh
du -sh $D
