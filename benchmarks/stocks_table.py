"""The Stocks benchmark over seeds: the benchmark stage of several runs in one table, beside the published numbers.

    chaos run --preset stocks --run-name stocks-s0 --stages benchmark               # and -p seed 1, -p seed 2
    python benchmarks/stocks_table.py runs/stocks-s0 runs/stocks-s1 runs/stocks-s2 --name stocks_benchmark --note "..."

Each run's `eval/benchmark.csv` gives one row per model; the model is named with the settings that change its numbers,
read from the run's `params/benchmark.yaml` (the VAE body and decoder of the diffusion model, TimeGAN's preset), so
that runs of other settings are never averaged together. Writes `<name>.csv`: a row per model and seed, then per
model the mean and sd over its seeds of every score (`seed` = `mean` / `sd`; the sd over seeds, where the `*_std`
columns are the spread over one run's repeats), then the published rows of `benchmark.PUBLISHED`, headed by `--note`
as `#` lines; prints the four benchmark scores as mean ± sd per model.
"""
from pathlib import Path
import pandas as pd, yaml
from compressing_chaos.core import save_table, results_parser
from compressing_chaos.benchmark import PUBLISHED

SCORES = ('disc', 'pred', 'context_fid', 'correlational')

def model_label(model:str, params:dict) -> str:
    "The model's name with the settings that change its numbers."
    if model == 'diffusion': return f"latent diffusion ({params.get('vae_arch')} VAE, {params.get('vae_decoder')} decoder)"
    if model == 'timegan': return f"TimeGAN ({params.get('timegan_preset')} preset)"
    return model

def seed_rows(runs:list) -> pd.DataFrame:
    "Every run's `eval/benchmark.csv`, a row per model, with the model's label, the seed and the run."
    out = []
    for r in map(Path, runs):
        f, pf = r/'eval'/'benchmark.csv', r/'params'/'benchmark.yaml'
        if not (f.exists() and pf.exists()):
            raise SystemExit(f'{r}: no eval/benchmark.csv or params/benchmark.yaml: run its benchmark stage first '
                             f'(chaos run --preset stocks --run-name {r.name} --stages benchmark).')
        p = yaml.safe_load(pf.read_text()); t = pd.read_csv(f)
        t.insert(0, 'model', [model_label(m, p) for m in t.pop(t.columns[0])])
        out.append(t.assign(seed=p['seed'], run=r.name))
    df = pd.concat(out, ignore_index=True)
    if df.duplicated(['model', 'seed']).any():
        raise SystemExit(f'Two runs give the same model and seed: {df.loc[df.duplicated(["model", "seed"]), "run"].tolist()}; '
                         'give one run per seed.')
    return df[['model', 'seed', 'run'] + [c for c in df.columns if c not in ('model', 'seed', 'run')]]

def table(df:pd.DataFrame) -> pd.DataFrame:
    "The seeds' rows, the mean and sd over seeds per model, and the published rows."
    num = [c for c in df.columns if c not in ('model', 'seed', 'run') and pd.api.types.is_numeric_dtype(df[c])
           and not pd.api.types.is_bool_dtype(df[c])]
    st = [pd.DataFrame([dict(model=m, seed=k, n_seeds=len(g), **g[num].agg(f).to_dict())])
          for m, g in df.groupby('model', sort=False) for k, f in (('mean', 'mean'), ('sd', 'std'))]
    pub = PUBLISHED.reset_index().assign(seed='published')
    return pd.concat([df.astype({'seed': str}), *st, pub], ignore_index=True)

def main(argv:list|None=None):
    p = results_parser(__file__, __doc__, 'run folders whose benchmark stage finished, one seed each',
                       'the result file, <name>.csv, e.g. stocks_benchmark')
    a = p.parse_args(argv); t = table(seed_rows(a.runs))
    save_table(t, Path(a.out)/f'{a.name}.csv', a.note)                      # atomic: a failed write leaves the old file
    for m in t.loc[t.seed == 'mean', 'model']:
        ms, sd = (t[(t.model == m) & (t.seed == k)].iloc[0] for k in ('mean', 'sd'))
        print(f'{m}, seeds {ms.n_seeds:.0f}: ' + ', '.join(f'{c} {ms[c]:.4f} ± {sd[c]:.4f}' for c in SCORES))
    return t

if __name__ == '__main__': main()
