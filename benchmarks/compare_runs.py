"""One model's headline numbers in finished runs of two or more settings, side by side, into benchmarks/results/.

    chaos run --preset long --run-name long-a -p seed 0                          # setting A, seeds 0, 1, 2
    chaos run --preset long --run-name long-b -p seed 0 -p vae_hidden_dim 256    # setting B, the same seeds
    python benchmarks/compare_runs.py runs/long-a=A runs/long-a1=A runs/long-b=B runs/long-b1=B \\
        --name long_vae --label-name vae --note "what the settings are"

Each run is `FOLDER=LABEL`. Writes `<name>.csv`: the real training windows' row first, then one row per run (label,
seed, stage seconds from `pipeline.json`, the model's numbers from `eval/evaluation.csv`, its conditional numbers from
`eval/conditional_summary.csv`, its stress-report numbers at one VIX level from `eval/stress_report.csv`, and the
50-day variance ratio of the VAE probe's real test windows and posterior decodings from `eval/probe_table.csv`, which
tells whether a trend comes from the VAE or from the diffusion model; empty where a run lacks that file), then per label the mean and sd over its seeds (`run` = `mean` / `sd`), all headed
by `--note` as `#` lines; prints the mean ± sd per label. Runs must share their real training windows (the same data and
split): the real row would otherwise belong to one of them only.
"""
import json
from pathlib import Path
import numpy as np, pandas as pd
from compressing_chaos.core import save_table, results_parser

EVAL = ('vr_L', 'var99_50d', 'es99_50d', 'kurt', 'acf_abs_1_5', 'lev_1_5', 'disc_mean', 'copy_rate')

def _csv(f:Path) -> pd.DataFrame|None: return pd.read_csv(f, comment='#') if f.exists() else None

def run_row(run:Path, label:str, model:str, stages:list, stress_vix:float, label_name:str) -> tuple[dict, dict]:
    "The model's row of one run, and the real training windows' row of the same run (evaluation and stress report)."
    ev, idf = _csv(run/'eval'/'evaluation.csv'), run/'run.json'
    if ev is None or not idf.exists(): raise SystemExit(f'{run}: no eval/evaluation.csv or run.json: finish the run first.')
    ev = ev.set_index('model')
    if model not in ev.index or 'real_train' not in ev.index:
        raise SystemExit(f'{run}: eval/evaluation.csv has no {model!r} or real_train row (models: {", ".join(ev.index)}).')
    pj = json.loads((run/'pipeline.json').read_text()) if (run/'pipeline.json').exists() else {}
    row = dict(run=run.name, seed=json.loads(idf.read_text())['seed'], **{label_name: label})
    row |= {f'{s}_s': pj.get(s, {}).get('seconds', np.nan) for s in stages}
    row |= {c: ev.loc[model].get(c, np.nan) for c in EVAL}
    real = dict(run='real_train', **{c: ev.loc['real_train'].get(c, np.nan) for c in EVAL})
    cs = _csv(run/'eval'/'conditional_summary.csv'); cs = cs.set_index('model') if cs is not None else pd.DataFrame()
    row['bucket_err_es99_50d'] = cs['bucket_err_es99_50d'].get(f'{model}_cvae', np.nan) if 'bucket_err_es99_50d' in cs else np.nan
    row['significant_violations'] = cs['significant_violations'].get(model, np.nan) if 'significant_violations' in cs else np.nan
    st, k = _csv(run/'eval'/'stress_report.csv'), f'stress{stress_vix:g}_es99_50d'
    at = (lambda m: st.loc[(st.vix == stress_vix) & (st.model == m), 'es99_50d']) if st is not None else (lambda m: pd.Series())
    row[k] = at(model).iloc[0] if len(at(model)) else np.nan
    real[k] = at('real').iloc[0] if len(at('real')) else np.nan
    pr = _csv(run/'eval'/'probe_table.csv'); pr = pr.set_index(pr.columns[0]) if pr is not None else pd.DataFrame()
    for v in ('real', 'posterior'): row[f'probe_{v}_vr_L'] = pr['vr_L'].get(v, np.nan) if 'vr_L' in pr else np.nan
    return row, real

def compare(specs:list, model:str='diffusion', stages:tuple=('vae', 'diffusion', 'conditional'), stress_vix:float=40.,
            label_name:str='variant') -> pd.DataFrame:
    "The real row, one row per `(folder, label)` of `specs`, then the mean and sd over seeds of each label."
    rows, reals = zip(*(run_row(Path(f), lab, model, list(stages), stress_vix, label_name) for f, lab in specs))
    r0 = pd.Series(reals[0])
    for (f, _), r in zip(specs[1:], reals[1:]):
        if not np.allclose(pd.Series(r)[list(EVAL)].astype(float), r0[list(EVAL)].astype(float), equal_nan=True):
            raise SystemExit(f'{f}: its real training windows differ from {specs[0][0]}\'s (other data or split): '
                             'compare runs of one dataset.')
    df = pd.DataFrame(rows); num = [c for c in df.columns if c not in ('run', 'seed', label_name)]
    stats = [pd.DataFrame([dict(run=s, **{label_name: lab}, **g[num].astype(float).agg(f).to_dict())])
             for lab, g in df.groupby(label_name, sort=False) for s, f in (('mean', 'mean'), ('sd', 'std'))]
    out = pd.concat([pd.DataFrame([reals[0]]), df, *stats], ignore_index=True).astype({'seed': 'Int64'})
    return out[['run', 'seed', label_name] + num]

def main(argv:list|None=None):
    p = results_parser(__file__, __doc__, 'FOLDER=LABEL for each finished run',
                       'the result file, <name>.csv, e.g. long_vae')
    p.add_argument('--label-name', default='variant', help='name of the label column, e.g. vae')
    p.add_argument('--model', default='diffusion', help='the model compared (its conditional rows: <model>_cvae)')
    p.add_argument('--stages', default='vae,diffusion,conditional', help='stages whose seconds are kept')
    p.add_argument('--stress-vix', type=float, default=40., help='VIX level of the stress report read')
    a = p.parse_args(argv)
    specs = [tuple(s.rsplit('=', 1)) for s in a.runs]
    if any(len(s) != 2 or not s[1] for s in specs): p.error('each run is FOLDER=LABEL, e.g. runs/long-b=B')
    df = compare(specs, a.model, tuple(a.stages.split(',')), a.stress_vix, a.label_name)
    save_table(df, Path(a.out)/f'{a.name}.csv', a.note)                      # atomic: a failed write leaves the old file
    cols = [c for c in df.columns if c not in ('run', 'seed', a.label_name)]
    for lab in df[a.label_name].dropna().unique():
        m, s = (df.loc[(df.run == k) & (df[a.label_name] == lab), cols].iloc[0] for k in ('mean', 'sd'))
        print(f'{lab}: ' + ', '.join(f'{c} {m[c]:.3f} ± {s[c]:.3f}' for c in cols if pd.notna(m[c])))
    return df

if __name__ == '__main__': main()
