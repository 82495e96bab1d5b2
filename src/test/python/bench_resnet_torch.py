#!/usr/bin/env python3
"""PyTorch reference for `ecg-workbench bench`: the identical 1-D ResNet, timed the same way.

Architecture (model.ResNet1d): conv k15/2 (no bias) -> BN -> ReLU -> max-pool 3/2 (padding 1);
residual blocks conv k7/s -> BN -> ReLU -> dropout 0.2 -> conv k7 -> BN (+ identity or conv 1x1/s -> BN)
-> add -> ReLU; stages 64/128/256/512 x width (round, at least 4), strides 1/2/2/2, blocks
[2,2,2,2] (resnet18) / [3,4,6,3] (resnet34); global average pooling; linear to 24; BCEWithLogits.

Measures, with 2 threads (Debian's torch starts with one): inference latency at batch 1 (eval mode,
no_grad), inference throughput at --batch, one training step (forward, BCEWithLogits, backward,
Adam step) at --batch; medians after warm-up; peak RSS (ru_maxrss). Prints one JSON object.

    /usr/bin/python3 src/test/python/bench_resnet_torch.py --arch resnet34 --batch 16 --iterations 10
"""
import argparse
import json
import resource
import statistics
import time

import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, cin, cout, stride, dropout):
        super().__init__()
        self.conv1 = nn.Conv1d(cin, cout, 7, stride, 3, bias=False)
        self.bn1 = nn.BatchNorm1d(cout)
        self.drop = nn.Dropout(dropout)
        self.conv2 = nn.Conv1d(cout, cout, 7, 1, 3, bias=False)
        self.bn2 = nn.BatchNorm1d(cout)
        self.shortcut = None
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv1d(cin, cout, 1, stride, 0, bias=False), nn.BatchNorm1d(cout))

    def forward(self, x):
        y = self.drop(torch.relu(self.bn1(self.conv1(x))))
        y = self.bn2(self.conv2(y))
        s = x if self.shortcut is None else self.shortcut(x)
        return torch.relu(y + s)


class ResNet1d(nn.Module):
    BLOCKS = {"resnet18": [2, 2, 2, 2], "resnet34": [3, 4, 6, 3]}

    def __init__(self, arch, width=1.0, leads=12, outputs=24, dropout=0.2):
        super().__init__()
        widths = [max(4, round(b * width)) for b in (64, 128, 256, 512)]
        self.stem = nn.Sequential(nn.Conv1d(leads, widths[0], 15, 2, 7, bias=False), nn.BatchNorm1d(widths[0]),
                                  nn.ReLU(), nn.MaxPool1d(3, 2, 1))
        layers, cin = [], widths[0]
        for stage, (n, stride) in enumerate(zip(self.BLOCKS[arch], (1, 2, 2, 2))):
            for b in range(n):
                layers.append(Block(cin, widths[stage], stride if b == 0 else 1, dropout))
                cin = widths[stage]
        self.blocks = nn.Sequential(*layers)
        self.fc = nn.Linear(cin, outputs)

    def forward(self, x):
        x = self.blocks(self.stem(x))
        return self.fc(x.mean(dim=2))


def median_ms(fn, iterations, warmup):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(iterations):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--arch", default="resnet34", choices=sorted(ResNet1d.BLOCKS))
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--width", type=float, default=1.0)
    p.add_argument("--length", type=int, default=5000)
    p.add_argument("--iterations", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    net = ResNet1d(a.arch, a.width)
    params = sum(p.numel() for p in net.parameters() if p.requires_grad)
    x1 = torch.randn(1, 12, a.length)
    xb = torch.randn(a.batch, 12, a.length)
    yb = (torch.rand(a.batch, 24) < 0.1).float()

    net.eval()
    with torch.no_grad():
        infer1 = median_ms(lambda: net(x1), a.iterations * 3, a.warmup)
        inferb = median_ms(lambda: net(xb), a.iterations, a.warmup)

    net.train()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-5)
    loss_fn = nn.BCEWithLogitsLoss()

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()

    train = median_ms(step, a.iterations, a.warmup)
    print(json.dumps({
        "framework": "pytorch " + torch.__version__,
        "arch": a.arch, "width": a.width, "batch": a.batch, "length": a.length, "threads": torch.get_num_threads(),
        "parameters": params,
        "inference_batch1_ms": round(infer1, 2),
        "inference_batch_ms": round(inferb, 2),
        "throughput_samples_per_s": round(a.batch / inferb * 1000, 1),
        "train_step_ms": round(train, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
