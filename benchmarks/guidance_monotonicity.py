"""Does classifier-free guidance make risk rise with VIX? The sweep and the bucket errors of a finished run's
conditional model at several guidance weights.

    python benchmarks/guidance_monotonicity.py runs/long-s1 --scales 1,2 \\
        --results benchmarks/results/guidance_monotonicity_long.csv

For each weight w: the sweep stage's levels, windows per level, seed and DDIM steps (`params/sweep.yaml`), its falls
from one level to the next (`monotonicity_violations`), those beyond twice their noise and where, and the bucket errors
of every real window's VIX against the sweep stage's real windows and bucket noise (`bucket_error`, mean |log ratio|,
`_z` in units of the noise). One row per run and weight, written atomically after each.
"""
import argparse, time
from pathlib import Path
import pandas as pd
from compressing_chaos.core import atomic_write, load_yaml
from compressing_chaos.windows import ensure_windows
from compressing_chaos.vae import VAEConfig
from compressing_chaos.diffusion import DiffusionConfig
from compressing_chaos.conditional import ensure_conditional, stress_scenarios
from compressing_chaos.vix_sweep import (vix_sweep, monotonicity_violations, reference_windows, bucket_table,
                                         bucket_error)

def guidance_rows(run:Path, scales:list) -> list:
    "One row per guidance weight for the run's conditional model (loaded from its checkpoints, never retrained)."
    for f in ('params/sweep.yaml', 'eval/vix_buckets_noise.csv'):
        if not (run/f).exists(): raise SystemExit(f'{run}: no {f}: run the sweep stage first (chaos sweep --run-name NAME).')
    p = load_yaml(run/'params'/'sweep.yaml')
    ws = ensure_windows(run, dataset=p['dataset'], start=p['start'], end=p['end'], csv_path=p['csv_path'],
                        vix_csv_path=p['vix_csv_path'], seq_len=p['seq_len'], stride=p['stride'],
                        val_frac=p['val_frac'], test_frac=p['test_frac'])
    real_w, real_v = reference_windows(ws, p['eval_splits'])
    g = ensure_conditional(run, ws, VAEConfig.from_params(p, ws), DiffusionConfig.from_params(p, cond_dim=1),
                           p['cond_path'], p['latent_type'], seed=p['seed'], progress=False,
                           cvae_horizon_weight=p['cvae_horizon_weight'], cvae_decoder=p['cvae_decoder'])[0]
    noise, rows = pd.read_csv(run/'eval'/'vix_buckets_noise.csv', index_col=0), []
    for w in scales:
        t0 = time.time()
        sw = vix_sweep({'conditional': g}, p['vix_levels'], p['num_samples'], p['seed'], w, p['ddim_steps'],
                       progress=False, n_boot=p['sweep_boot'])[0]
        mv = monotonicity_violations(sw); big = mv[mv.z > 2]
        gen = stress_scenarios(g, real_v, len(real_v), p['seed'], w, p['ddim_steps'])
        err = bucket_error(bucket_table(real_v, real_w, gen, p['min_bucket_windows']), noise=noise)
        rows.append(dict(run=run.name, seed=p['seed'], guidance_scale=w, levels=len(p['vix_levels']),
                         n_per_level=p['num_samples'], falls=len(mv), significant_falls=len(big),
                         where=' '.join(f'{r.metric}@{r.vix_from:g}-{r.vix_to:g}' for r in big.itertuples()),
                         **err.add_prefix('bucket_err_').to_dict(), seconds=round(time.time() - t0, 1)))
        print(rows[-1], flush=True)
    return rows

def main(argv:list|None=None):
    ap = argparse.ArgumentParser(prog=f'benchmarks/{Path(__file__).name}', description=__doc__.split('\n')[0])
    ap.add_argument('runs', nargs='+', help='finished run folders with the sweep stage')
    ap.add_argument('--scales', default='1,2', help='guidance weights, comma-separated')
    ap.add_argument('--results', default=None, help='CSV to write')
    a = ap.parse_args(argv); rows = []
    for r in a.runs:
        rows += guidance_rows(Path(r), [float(s) for s in a.scales.split(',')])
        if a.results:
            with atomic_write(a.results, 'w') as f: pd.DataFrame(rows).to_csv(f, index=False)
    return pd.DataFrame(rows)

if __name__ == '__main__': main()
