#!/usr/bin/env bash
# Runs `djx bench` on MXNet and on PyTorch, and the PyTorch reference script (default layout and
# channels-last), with the same settings, then prints one table with every figure relative to
# PyTorch's best. Usage: bench/run.sh [--batch-size N] [--threads N] [--steps N] [--warmup N] [--repeats N]
# (defaults: the descriptor's batch, every core, 50 steps, 10 warm-up steps, 3 repeats).
# Set ENGINES="MXNet" to skip DJL's PyTorch engine; JSON of each run is kept in $OUT (default: a temp dir).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="${OUT:-$(mktemp -d -t djx-bench.XXXXXX)}"
mkdir -p "$out"
threads="$(nproc)"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [[ ${args[i]} == --threads ]] && threads="${args[i + 1]}"
done
[[ " ${args[*]} " == *" --threads "* ]] || args+=(--threads "$threads")
reference_args=("${args[@]}")
[[ " ${args[*]} " == *" --batch-size "* ]] || reference_args+=(--batch-size 100)  # the seed convnet's batch

echo "results in $out; on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for engine in ${ENGINES:-MXNet PyTorch}; do
  "$root/djx" bench --engine "$engine" --format json "${args[@]}" >"$out/djx-$engine.json"
done
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  /usr/bin/python3 "$root/bench/reference/torch_seed_cnn.py" --format json "${reference_args[@]}" >"$out/torch-default.json"
  /usr/bin/python3 "$root/bench/reference/torch_seed_cnn.py" --format json --channels-last "${reference_args[@]}" >"$out/torch-channels-last.json"
else
  echo "python3-torch is not installed: no PyTorch reference (see bench/README.md)" >&2
fi

/usr/bin/python3 - "$out" <<'PY'
import glob, json, os, sys
out = sys.argv[1]
rows = []
for path in sorted(glob.glob(os.path.join(out, "djx-*.json"))):
    r = json.load(open(path))
    label = "DJL %s (%s)" % (r["engine"], r["threads"])
    rows.append(("djx, " + label, r["djx"]["train_images_per_second"], r["djx"]["inference_images_per_second"],
                 r["djx"]["step_ms_median"], "%.3f" % r["ratio_train"]))
    rows.append(("bare " + label, r["bare"]["train_images_per_second"], r["bare"]["inference_images_per_second"],
                 r["bare"]["step_ms_median"], ""))
best = None
for path in sorted(glob.glob(os.path.join(out, "torch-*.json"))):
    r = json.load(open(path))
    label = "%s, %d threads, %s" % (r["engine"], r["threads"], "channels-last" if r["channels_last"] else "default layout")
    rows.append((label, r["train_images_per_second"], r["inference_images_per_second"], r["step_ms_median"], ""))
    best = max(best or 0, r["train_images_per_second"])
print("%-58s %12s %12s %9s %11s %13s" % ("configuration", "train img/s", "infer img/s", "step ms", "djx / bare", "/ torch best"))
for label, train, infer, step, ratio in rows:
    print("%-58s %12.0f %12.0f %9.1f %11s %13s" % (label, train, infer, step, ratio, "%.3f" % (train / best) if best else "-"))
PY
