"""Ablation of the VAE's horizon term per VIX bucket: the (conditional) VAE's decodings against the windows.

    python benchmarks/horizon_weight.py --weights 0,3                  # the conditional VAE (quick settings)
    python benchmarks/horizon_weight.py --weights 0,3 --unconditional  # the unconditional one

For each weight it trains the VAE of the `quick` preset (conditioned on the standardised log-VIX unless
--unconditional) on the training windows, decodes their posterior samples and prior draws day by day with noise (as
generation does), and writes one row per weight, VIX bucket and view (`real`, `posterior`, `prior`): the number of
windows, the L-day variance ratio `vr_L`, the median and the ES99 of the L-day return, the daily standard deviation and
the excess kurtosis of the days and the training time, to `runs/<out>/summary.csv` and `--results` (default
benchmarks/results/horizon_weight_cvae_quick.csv, or `..._vae_quick.csv` with --unconditional).
"""
import argparse, time
from pathlib import Path
import numpy as np, pandas as pd
from compressing_chaos.core import set_seed, run_path
from compressing_chaos.windows import ensure_windows
from compressing_chaos.vae import VAEConfig, train_vae, vae_encode, vae_decode
from compressing_chaos.condition import cond_stats, scale_cond, vix_bucket
from compressing_chaos.metrics import variance_ratio, var_es, moments

def bucket_rows(w:np.ndarray, # (N, L) windows of daily log returns (first series)
                b:np.ndarray # (N,) bucket label of each window
               ) -> list:
    "One row per bucket (and 'all'): windows, vr_L, median and ES99 of the L-day return, daily sd and excess kurtosis."
    rows = []
    for k in ['all'] + sorted(set(b)):
        i = np.ones(len(b), bool) if k == 'all' else b == k; s = w[i].sum(1)
        rows.append(dict(bucket=k, n=int(i.sum()), vr_L=variance_ratio(w[i], w.shape[1]), median_Ld=float(np.median(s)),
                         es99_Ld=float(var_es(s, 0.99)[1]), sd=float(w[i].std()),
                         kurt=moments(w[i])['kurt']))
    return rows

def _weights(s:str) -> list:
    "The --weights list: numbers >= 0, comma separated."
    try: w = [float(x) for x in s.split(',')]
    except ValueError:
        raise argparse.ArgumentTypeError(f'{s!r}: give numbers >= 0 separated by commas, e.g. 0,3') from None
    if min(w) < 0: raise argparse.ArgumentTypeError(f'{s!r}: horizon weights must be >= 0 (0: off)')
    return w

def main(argv:list|None=None # Command-line arguments (default: sys.argv[1:])
        ) -> pd.DataFrame:
    "Train one VAE per weight, then tabulate its decodings per VIX bucket; returns the table."
    p = argparse.ArgumentParser(prog=f'benchmarks/{Path(__file__).name}', description=__doc__.split('\n')[0])
    p.add_argument('--weights', type=_weights, default='0,3', help='comma list of horizon weights')
    p.add_argument('--epochs', type=int, default=25)
    p.add_argument('--hidden', type=int, default=64); p.add_argument('--latent', type=int, default=16)
    p.add_argument('--warmup', type=int, default=6); p.add_argument('--dataset', default='sp500_vix')
    p.add_argument('--unconditional', action='store_true', help='train the unconditional VAE (buckets still by VIX)')
    p.add_argument('--max-windows', type=int, default=None, help='first N training windows only (tests)')
    p.add_argument('--out', default='bench_horizon')
    p.add_argument('--root', default=None, help='folder of the runs (default: runs/)')
    p.add_argument('--results', default=None, help='CSV written (default: '
                   'benchmarks/results/horizon_weight_<vae>_quick.csv)')
    p.add_argument('--seed', type=int, default=0)
    a = p.parse_args(argv); run = run_path(a.out, root=a.root); ws = ensure_windows(run, dataset=a.dataset)
    vae = 'vae' if a.unconditional else 'cvae'
    res = Path(a.results or Path(__file__).parent/'results'/f'horizon_weight_{vae}_quick.csv')
    x, xv = ws.scaled('train')[:a.max_windows], ws.scaled('val')[:a.max_windows]
    vix, st = ws.cond['train'][:a.max_windows], cond_stats(ws)
    c, cv = (None, None) if a.unconditional else (scale_cond(vix, st), scale_cond(ws.cond['val'][:a.max_windows], st))
    b, raw = np.asarray(vix_bucket(vix)), (lambda s: ws.scaler.inverse_transform(s)[..., 0])
    real = bucket_rows(ws.train[:a.max_windows, :, 0], b)
    rows = [dict(vae=vae, weight=None, view='real', train_s=None, **r) for r in real]
    for w in a.weights:
        cfg = VAEConfig(seq_len=ws.seq_len, n_series=ws.n_series, arch='conv', decoder='ar', latent_dim=a.latent,
                        hidden_dim=a.hidden, kl_warmup_epochs=a.warmup, epochs=a.epochs, horizon_weight=w,
                        cond_dim=0 if a.unconditional else 1, seed=a.seed)
        set_seed(a.seed); t0 = time.time(); m, _ = train_vae(cfg, x, xv, c, cv, progress=False); secs = time.time() - t0
        z = vae_encode(m, x, c, latent_type='post', seed=a.seed)
        zp = np.random.default_rng(a.seed).standard_normal(z.shape).astype(np.float32)
        for view, zz in (('posterior', z), ('prior', zp)):
            rows += [dict(vae=vae, weight=w, view=view, train_s=round(secs, 1), **r)
                     for r in bucket_rows(raw(vae_decode(m, zz, c, seed=a.seed + 1)), b)]
        print(f'weight {w:g}: {secs:.0f} s', flush=True)
    df = pd.DataFrame(rows); df.to_csv(run/'summary.csv', index=False)
    res.parent.mkdir(parents=True, exist_ok=True); df.to_csv(res, index=False)
    print(df[df.bucket.isin(['all', '≥40'])].round(4).to_string(index=False)); return df

if __name__ == '__main__': main()
