"""Is a dip in the conditional model's VIX sweep real? The sweep again, with many windows per level and its noise.

    python benchmarks/sweep_noise.py runs/quick_seeds/quick-s0 runs/quick_seeds/quick-s1 runs/quick_seeds/quick-s2

For each finished run (its conditional stage done: checkpoints/cdiffusion and checkpoints/cvae), it draws `--n`
windows at each of `--levels` from the conditional model (`vix_sweep`, with `--boot` bootstrap resamples per level for
the noise of each number), lists the steps where a number that should rise with VIX falls
(`monotonicity_violations`, with `z`: the fall in units of its noise) and writes both, one row per run, level and
number, to `--results` (default benchmarks/results/sweep_large_n_quick.csv). The sweep stage of a `quick` run uses
2,000 windows per level; at 8,000 the noise of a 99 % number halves.
"""
import argparse, time
from pathlib import Path
import pandas as pd
from compressing_chaos.core import atomic_write
from compressing_chaos.latent_diffusion import LatentDiffusion
from compressing_chaos.vix_sweep import vix_sweep, monotonicity_violations

def sweep_run(run:Path, levels:list, n:int, boot:int, seed:int) -> tuple[pd.DataFrame, pd.DataFrame]:
    "The run's conditional model swept at `levels` with `n` windows each, and its falls."
    if not (run/'checkpoints'/'cdiffusion'/'best.pt').exists():
        raise SystemExit(f'{run}: no checkpoints/cdiffusion/best.pt; run its conditional stage first.')
    g = LatentDiffusion.from_run(run, 'cdiffusion', 'cvae', device='cpu')
    sw, _ = vix_sweep(dict(conditional=g), levels, n, seed=seed, progress=False, n_boot=boot)
    return sw.assign(run=run.name), monotonicity_violations(sw).assign(run=run.name)

def _levels(s:str) -> list:
    "The --levels list: VIX levels > 0, comma separated."
    try: v = [float(x) for x in s.split(',')]
    except ValueError:
        raise argparse.ArgumentTypeError(f'{s!r}: give VIX levels separated by commas, e.g. 15,20,30') from None
    if min(v) <= 0: raise argparse.ArgumentTypeError(f'{s!r}: VIX levels must be above 0')
    return v

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('runs', nargs='+', type=Path, help='run folders')
    p.add_argument('--levels', type=_levels, default='15,20,25,30,40', help='VIX levels, comma separated')
    p.add_argument('--n', type=int, default=8000, help='windows per level')
    p.add_argument('--boot', type=int, default=50, help='bootstrap resamples per level')
    p.add_argument('--seed', type=int, default=1, help='sampling seed (the sweep stage uses the run seed)')
    p.add_argument('--results', type=Path, default=Path('benchmarks/results/sweep_large_n_quick.csv'))
    a = p.parse_args(argv); levels = a.levels
    sweeps, falls = [], []
    for r in a.runs:
        t = time.time(); sw, f = sweep_run(r, levels, a.n, a.boot, a.seed); sweeps.append(sw); falls.append(f)
        print(f'{r}: {len(levels)} levels x {a.n} windows in {time.time() - t:.0f} s; '
              f'falls beyond 2 sd: {int((f.z > 2).sum())}')
    sw = pd.concat(sweeps); L = next(c for c in sw if c.startswith('es99_') and c.endswith('d'))[5:-1]   # window length
    keep = ['run', 'vix', 'rv_median', f'var99_{L}d', f'es99_{L}d', f'var99_{L}d_sdlog', f'es99_{L}d_sdlog', 'p_dd20']
    long = sw[[c for c in keep if c in sw]].melt(['run', 'vix'], var_name='number')
    out = pd.concat([long.assign(kind='level'),
                     pd.concat(falls).rename(columns=dict(metric='number', value_to='value')).assign(kind='fall')])
    a.results.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(a.results, 'w') as f: out.to_csv(f, index=False)   # never half-written
    print(pd.concat(falls).round(3).to_string()); print(f'-> {a.results}'); return out

if __name__ == '__main__': main()
