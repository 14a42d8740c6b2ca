# Sourced by run.sh and train.sh on the GPU machine (from the folder scripts/gpu-bundle.sh made):
# unpacks Node and Dawn, installs the Vulkan loader and glvnd that the NVIDIA Vulkan driver
# (libGLX_nvidia) needs and the image lacks, and points Vulkan at that driver (ICD=… overrides).
cd "$(dirname "${BASH_SOURCE[0]}")"
OUTDIR=${OUT:-/tmp/out}; mkdir -p $OUTDIR
py() { python3 -c "import lzma,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2],'wb'))" "$@"; }
[ -x node ] || { py node.xz node && chmod +x node; }
[ -f node_modules/webgpu/dist/linux-x64/dawn.node ] || py dawn.node.xz node_modules/webgpu/dist/linux-x64/dawn.node
for f in gl/*.deb; do dpkg -x $f /; done; ldconfig
ICD=${ICD:-$(ls /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json 2>/dev/null | head -1)}
export VK_ICD_FILENAMES=$ICD VK_DRIVER_FILES=$ICD XDG_RUNTIME_DIR=/tmp
