"""Train TimeGAN's paper preset on a run's windows, in time-boxed chunks, resumable (e.g. on a lent GPU).

    python benchmarks/train_timegan.py --run runs/paper --ckpt runs/paper/checkpoints/timegan [--scaling standard] [--budget-s 500]
    python benchmarks/train_timegan.py --windows stocks.npz --ckpt DIR --scaling minmax

The configuration is exactly the one the TimeGAN notebook builds for `timegan_preset='paper'` (the checkpoint's config
and data hash are checked on resume), so the notebook picks the finished `checkpoints/timegan/last.pt` up and only
samples. `--windows` takes an `.npz` with a `train` array (and optionally `val`) instead of a run folder.
Each chunk ends with `last.pt` written; the script stops at the end of the joint phase or when the budget is spent.
"""
import argparse, time
from pathlib import Path
import numpy as np
from compressing_chaos.windows import WindowSet
from compressing_chaos.timegan import TimeGAN, TimeGANConfig

def main(argv:list|None=None # Command-line arguments (default: sys.argv[1:])
        ) -> TimeGAN:
    "Train in chunks of --chunk iterations until the joint phase ends or --budget-s is spent; returns the model."
    p = argparse.ArgumentParser(prog=f'benchmarks/{Path(__file__).name}', description=__doc__.split('\n')[0])
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument('--run', help='run folder whose data/windows.npz is trained on'); src.add_argument('--windows', help=".npz with a 'train' array")
    p.add_argument('--ckpt', required=True)
    p.add_argument('--scaling', default='standard'); p.add_argument('--cell', default='gru'); p.add_argument('--seed', type=int, default=0)
    p.add_argument('--epochs', type=int, default=None, help='epochs per phase (default: the paper preset, 200)')
    p.add_argument('--budget-s', type=float, default=500); p.add_argument('--chunk', type=int, default=200)
    a = p.parse_args(argv)
    if a.run: ws = WindowSet.load(Path(a.run)/'data'); train, val = ws.train, ws.val
    else:
        d = np.load(a.windows)
        if 'train' not in d: raise SystemExit(f"{a.windows} has no 'train' array (it has {list(d.keys())}): for a run's windows use --run RUN_FOLDER.")
        train, val = d['train'], (d['val'] if 'val' in d else None)
    kw = dict(cell=a.cell, scaling=a.scaling, seed=a.seed, device=None) | ({} if a.epochs is None else dict(epochs=a.epochs))
    cfg = TimeGANConfig.paper(**kw); tg = TimeGAN(cfg); t0 = time.perf_counter(); last = (None, 0, t0)
    print(f'{train.shape} training windows; {cfg.iters_per_phase(len(train))} iterations per phase; device {tg.device}', flush=True)
    while time.perf_counter() - t0 < a.budget_s:
        tg.fit(train, val_windows=val, ckpt_dir=a.ckpt, resume=True, progress=False, max_iters=a.chunk)
        now = time.perf_counter()
        if last[0] == tg.phase and tg.step > last[1]:
            print(f'{tg.phase:10s} it {tg.phase_it:5d} step {tg.step:5d}  {(now - last[2]) / (tg.step - last[1]) * 1000:.1f} ms/it  '
                  f'elapsed {now - t0:.0f} s', flush=True)
        last = (tg.phase, tg.step, now)
        if tg.phase == 'done': break
    h = tg.losses; print(h.groupby('phase', sort=False).last().to_string(), flush=True)
    print(f'phase {tg.phase}, step {tg.step}, best validation score {tg.best_score:.4f}, {time.perf_counter() - t0:.0f} s', flush=True)
    return tg

if __name__ == '__main__': main()
