#!/usr/bin/env bash
# Measures the engine settings issue 8 asks about, one `djx bench` per configuration (each in a
# fresh JVM, since MXNet reads its environment only when it loads), and prints one table.
# Usage: bench/tuning.sh [djx bench options, e.g. --steps 50 --repeats 3]. JSON of each run is kept in $OUT.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="${OUT:-$(mktemp -d -t djx-tuning.XXXXXX)}"
mkdir -p "$out"
cores="$(nproc)"
echo "results in $out; $cores cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# name | environment | djx bench options
configurations=(
  "mxnet-omp1|OMP_NUM_THREADS=1|--engine MXNet"
  "mxnet-omp$cores|OMP_NUM_THREADS=$cores|--engine MXNet"
  "mxnet-omp$cores-naive-engine|OMP_NUM_THREADS=$cores MXNET_ENGINE_TYPE=NaiveEngine|--engine MXNet"
  "mxnet-omp$cores-2-workers|OMP_NUM_THREADS=$cores MXNET_CPU_WORKER_NTHREADS=2|--engine MXNet"
  "mxnet-omp$cores-no-mkldnn|OMP_NUM_THREADS=$cores MXNET_MKLDNN_ENABLED=0|--engine MXNet"
  "mxnet-omp$cores-batch256|OMP_NUM_THREADS=$cores|--engine MXNet --batch-size 256"
  "pytorch-defaults||--engine PyTorch"
  "pytorch-threads1||--engine PyTorch --threads 1"
  "pytorch-threads$cores||--engine PyTorch --threads $cores"
  "pytorch-threads$cores-interop1|DJX_JAVA_OPTS=-Dai.djl.pytorch.num_interop_threads=1|--engine PyTorch --threads $cores"
  "pytorch-threads$cores-batch256||--engine PyTorch --threads $cores --batch-size 256"
)
for configuration in "${configurations[@]}"; do
  IFS='|' read -r name environment options <<<"$configuration"
  [[ -n ${ONLY:-} && $name != *$ONLY* ]] && continue
  echo "== $name: $environment ./djx bench $options $*" >&2
  # shellcheck disable=SC2086
  env $environment "$root/djx" bench $options --format json "$@" >"$out/$name.json"
done

/usr/bin/python3 - "$out" <<'PY'
import glob, json, os, sys
print("%-36s %12s %12s %9s %9s %11s" % ("configuration", "train img/s", "infer img/s", "step ms", "bare img/s", "djx / bare"))
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.json")), key=os.path.getmtime):
    r = json.load(open(path))
    print("%-36s %12.0f %12.0f %9.1f %9.0f %11.3f" % (os.path.basename(path)[:-5], r["djx"]["train_images_per_second"],
          r["djx"]["inference_images_per_second"], r["djx"]["step_ms_median"], r["bare"]["train_images_per_second"],
          r["ratio_train"]))
PY
