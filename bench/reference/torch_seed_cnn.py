#!/usr/bin/python3
"""PyTorch reference for `djx bench`: the seed convnet (experiments/seed-cnn.yaml) trained on
synthetic data, measured the way `djx bench` measures djx and its bare DJL loop.

Same network (conv 32@5x5 same + relu + maxpool 2, conv 36@5x5 same + relu + maxpool 2,
dense 1764 + relu, dropout 0.4, dense 10), softmax cross-entropy, plain SGD at 0.001, random
28x28 pixels in [0, 1] and random labels made in memory. One pass = --steps training steps
(forward + backward + update, reading the loss back each step) then as many inference batches
(eval mode, no autograd); warm-up is rounded up to whole passes, and the figures are medians of
--repeats measured passes. Runs with Debian's python3-torch; see bench/README.md.
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch
import torch.nn as nn


def seed_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(32, 36, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Flatten(),
        nn.Linear(7 * 7 * 36, 1764), nn.ReLU(), nn.Dropout(0.4),
        nn.Linear(1764, 10))


def percentile(sorted_values, p):
    """Nearest-rank percentile, as djx bench computes it."""
    rank = max(1, min(len(sorted_values), -(-int(p * 1000) * len(sorted_values) // 1000)))
    return sorted_values[rank - 1]


def blas():
    """The BLAS library actually loaded: Debian's torch uses whichever libblas.so.3 the
    alternatives system points at (the reference BLAS unless libopenblas0-openmp is installed)."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.split()[-1]}
        return ", ".join(sorted(os.path.realpath(p) for p in paths)) or "none loaded"
    except OSError:
        return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--threads", type=int, default=os.cpu_count(), help="torch.set_num_threads (default: every core)")
    parser.add_argument("--interop-threads", type=int, default=None, help="torch.set_num_interop_threads")
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=10, help="warm-up steps, rounded up to whole passes")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--channels-last", action="store_true", help="NHWC memory layout (faster convolutions on CPU)")
    parser.add_argument("--format", choices=["table", "json"], default="table")
    args = parser.parse_args()
    if min(args.batch_size, args.steps, args.repeats, args.threads) < 1 or args.warmup < 0:
        parser.error("--batch-size, --steps, --repeats and --threads must be at least 1, --warmup at least 0")

    torch.set_num_threads(args.threads)
    if args.interop_threads:
        torch.set_num_interop_threads(args.interop_threads)
    torch.manual_seed(42)
    layout = torch.channels_last if args.channels_last else torch.contiguous_format
    model = seed_cnn().to(memory_format=layout)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
    loss_fn = nn.CrossEntropyLoss()

    def batches():
        return [(torch.rand(args.batch_size, 1, 28, 28).contiguous(memory_format=layout),
                 torch.randint(0, 10, (args.batch_size,))) for _ in range(args.steps)]

    train, inference = batches(), batches()
    warmup_passes = -(-args.warmup // args.steps)
    train_rates, inference_rates, step_ms = [], [], []
    for p in range(warmup_passes + args.repeats):
        model.train()
        start = time.perf_counter()
        ends = []
        for x, y in train:
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            loss.item()
            ends.append(time.perf_counter())
        train_end = ends[-1]
        model.eval()
        with torch.no_grad():
            for x, _ in inference:
                model(x).numpy()
        end = time.perf_counter()
        if p >= warmup_passes:
            images = args.batch_size * args.steps
            train_rates.append(images / (train_end - start))
            inference_rates.append(images / (end - train_end))
            step_ms += [(b - a) * 1e3 for a, b in zip([start] + ends[:-1], ends)]

    step_ms.sort()
    result = {
        "engine": "PyTorch %s (python)" % torch.__version__,
        "threads": torch.get_num_threads(),
        "interop_threads": torch.get_num_interop_threads(),
        "channels_last": args.channels_last,
        "blas": blas(),
        "cores": os.cpu_count(),
        "batch_size": args.batch_size,
        "steps": args.steps,
        "warmup_steps": warmup_passes * args.steps,
        "repeats": args.repeats,
        "train_images_per_second": statistics.median(train_rates),
        "inference_images_per_second": statistics.median(inference_rates),
        "step_ms_median": percentile(step_ms, 0.5),
        "step_ms_p90": percentile(step_ms, 0.9),
    }
    if args.format == "json":
        json.dump(result, sys.stdout, indent=2)
        print()
    else:
        print("seed convnet on %s (%d threads, %s layout), batch %d, %d measured steps x %d repeats after %d warm-up steps"
              % (result["engine"], result["threads"], "channels-last" if args.channels_last else "default",
                 args.batch_size, args.steps, args.repeats, result["warmup_steps"]))
        print("%-12s %12s %12s %10s %10s" % ("path", "train img/s", "infer img/s", "step ms", "step p90"))
        print("%-12s %12.0f %12.0f %10.1f %10.1f" % ("pytorch", result["train_images_per_second"],
              result["inference_images_per_second"], result["step_ms_median"], result["step_ms_p90"]))


if __name__ == "__main__":
    main()
