"""The conditional model's per-VIX-bucket error read against two real references: all of history, or the training windows.

    chaos run --preset long --run-name long-s0 -p seed 0                                 # eval_splits [train, val, test]
    cp -al runs/long-s0 runs/long-s0-tr                                                  # the same models...
    chaos run --preset long --run-name long-s0-tr -p seed 0 --stages sweep -p eval_splits '[train]'   # ...read on train
    python benchmarks/bucket_reference.py runs/long-s0 runs/long-s0-tr ... --name conditional_buckets_reference_long

A sweep stage compares, in each VIX bucket, real windows that started there with windows the conditional model drew at
the same levels (`eval/vix_buckets.csv`), the real windows being those of its `eval_splits`. Pooled history holds
episodes the model never saw (a bucket's 50-day tail is often one of them); the training windows say how well it
learned what it saw. Writes `<name>.csv`: per reference and bucket, the real number and its noise
(`eval/vix_buckets_noise.csv`), the chance that a perfect generator lands within `--tol` of it (`tolerance_power`),
and the generated number and signed log error as mean and sd over the runs' seeds; then per reference a row `all`:
the mean |log error| over buckets, the chance of passing in every bucket, and the smallest tolerance a number that
never falls with VIX can meet in every bucket (`monotone_tolerance`). Headed by `--note` as `#` lines.
"""
from pathlib import Path
import numpy as np, pandas as pd, yaml
from compressing_chaos.core import save_table, results_parser
from compressing_chaos.condition import BUCKETS
from compressing_chaos.vix_sweep import tolerance_power, monotone_tolerance

def run_rows(run:Path, path:str, stat:str) -> pd.DataFrame:
    "One row per bucket of one run: reference, seed, real, noise and generated `stat` of the conditional `path`."
    b, nz, pf = run/'eval'/'vix_buckets.csv', run/'eval'/'vix_buckets_noise.csv', run/'params'/'sweep.yaml'
    if not (b.exists() and nz.exists() and pf.exists()):
        raise SystemExit(f'{run}: no eval/vix_buckets.csv, eval/vix_buckets_noise.csv or params/sweep.yaml: run its '
                         f'sweep stage first (chaos run ... --run-name {run.name} --stages sweep).')
    p, t = yaml.safe_load(pf.read_text()), pd.read_csv(b)
    if path not in set(t.path) or stat not in t:
        raise SystemExit(f'{b}: no path {path!r} or column {stat!r} (paths: {", ".join(sorted(set(t.path)))}).')
    t = t[t.path == path].pivot(index='bucket', columns='source', values=stat)
    t = t.reindex([b for b in BUCKETS if b in t.index])                                        # buckets by rising VIX
    splits = p.get('eval_splits') or ('train', 'val', 'test')            # as the sweep stage: all three when not set
    return pd.DataFrame(dict(reference='+'.join(np.atleast_1d(splits)), seed=p['seed'], run=run.name,
                             bucket=t.index, real=t.real, noise=pd.read_csv(nz, index_col=0)[stat].reindex(t.index),
                             generated=t.generated)).reset_index(drop=True)

def table(df:pd.DataFrame, tol:float=0.15) -> pd.DataFrame:
    "Per reference and bucket the real number, its noise and power, the generated mean and sd over seeds; then `all`."
    out = []
    for ref, g in df.groupby('reference', sort=False):
        if g.duplicated(['seed', 'bucket']).any(): raise SystemExit(f'reference {ref}: two runs of one seed; give one.')
        if g.groupby('bucket').real.nunique().max() > 1:
            raise SystemExit(f'reference {ref}: the runs\' real windows differ (other data or split): compare runs of one dataset.')
        g = g.assign(err=np.log(g.generated / g.real)); order = list(dict.fromkeys(g.bucket))
        s = g.groupby('bucket', sort=False).agg(n_seeds=('seed', 'size'), real=('real', 'first'), noise=('noise', 'first'),
                                                generated=('generated', 'mean'), generated_sd=('generated', 'std'),
                                                err=('err', 'mean'), err_sd=('err', 'std')).reindex(order)
        s['power'] = tolerance_power(s.noise, tol).drop('all'); s['monotone_tol'] = np.nan
        per_seed = g.assign(a=g.err.abs()).groupby('seed').a.mean()
        s.loc['all'] = dict(n_seeds=len(per_seed), err=per_seed.mean(), err_sd=per_seed.std(),
                            power=tolerance_power(s.noise, tol)['all'], monotone_tol=monotone_tolerance(s.real))
        out.append(s.reset_index().assign(reference=ref))
    t = pd.concat(out, ignore_index=True)
    return t[['reference', 'bucket'] + [c for c in t.columns if c not in ('reference', 'bucket')]]

def main(argv:list|None=None):
    p = results_parser(__file__, __doc__, 'run folders whose sweep stage finished (any mix of eval_splits)')
    p.add_argument('--path', default='cvae', help="the conditional path read (cvae or vae)")
    p.add_argument('--stat', default='es99_50d', help='the risk number read (a column of eval/vix_buckets.csv)')
    p.add_argument('--tol', type=float, default=0.15, help='relative tolerance per bucket')
    a = p.parse_args(argv); t = table(pd.concat([run_rows(Path(r), a.path, a.stat) for r in a.runs]), a.tol)
    save_table(t, Path(a.out)/f'{a.name}.csv', a.note, index=False)         # atomic: a failed write leaves the old file
    for _, r in t[t.bucket == 'all'].iterrows():
        print(f'{r.reference}: {a.stat} off by {r.err:.3f} ± {r.err_sd:.3f} per bucket over {r.n_seeds:.0f} seeds; a '
              f'perfect generator passes {a.tol:.0%} in every bucket with probability {r.power:.3f}; a number that '
              f'never falls with VIX can be within {r.monotone_tol:.1%} of every bucket, no closer')
    return t

if __name__ == '__main__': main()
