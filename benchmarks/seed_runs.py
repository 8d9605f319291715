"""Tables over seeds of finished runs of one preset (made with `-p seed S`), into benchmarks/results/.

    chaos run --preset long --run-name long
    chaos run --preset long --run-name long-s1 -p seed 1        # and long-s2 with seed 2
    python benchmarks/seed_runs.py runs/long runs/long-s1 runs/long-s2 --name long_history_3seeds --note "..."

Writes `evaluation_<name>.csv` (every run's `eval/evaluation.csv`, one row per model and seed) and
`conditional_summary_<name>.csv` (every run's `eval/conditional_summary.csv`, one row per model and seed, then the
mean and sd over seeds from `grid.mean_sd_over_seeds`), each headed by `--note` as `#` lines; prints the headline numbers
as mean ± sd.
"""
import json
from pathlib import Path
import pandas as pd
from compressing_chaos.core import save_table, results_parser
from compressing_chaos.grid import mean_sd_over_seeds

HEADLINE = ('vr_L', 'kurt', 'acf_abs_1_5', 'lev_1_5', 'var99_50d', 'es99_50d', 'tail_Ld_z', 'disc_mean', 'copy_rate')
COND = ('bucket_err_rv_median', 'bucket_err_es99_50d', 'bucket_err_mean', 'bucket_err_z_mean', 'monotonicity_violations',
        'significant_violations')

def seed_rows(runs:list, table:str # `eval/<table>.csv` of each run
             ) -> pd.DataFrame:
    "Every run's table, with its run name and seed (from `run.json`) in front."
    out = []
    for r in map(Path, runs):
        f, idf = r/'eval'/f'{table}.csv', r/'run.json'
        if not (f.exists() and idf.exists()): raise SystemExit(f'{r}: no eval/{table}.csv or run.json: finish the run first.')
        out.append(pd.read_csv(f).assign(run=r.name, seed=json.loads(idf.read_text())['seed']))
    df = pd.concat(out, ignore_index=True)
    return df[['model', 'seed', 'run'] + [c for c in df.columns if c not in ('model', 'seed', 'run')]]

def mean_sd_text(df:pd.DataFrame, cols:tuple, models=('diffusion', 'garch_t', 'bootstrap', 'real_train')) -> str:
    "One line per model: `col mean ± sd` over seeds for each column it has."
    ms = mean_sd_over_seeds(df.drop(columns='run'), ['model'])
    lines = []
    for m in (m for m in models if m in ms.index):
        r = ms.loc[m]
        lines.append(f'{m}: ' + ', '.join(f'{c} {r[c + "_mean"]:.3f} ± {r[c + "_sd"]:.3f}' for c in cols
                                          if c + '_mean' in r and pd.notna(r[c + '_mean'])))
    return '\n'.join(lines)

def main(argv:list|None=None):
    p = results_parser(__file__, __doc__, 'finished run folders of one preset, one seed each',
                       'suffix of the result files, e.g. long_history_3seeds')
    a = p.parse_args(argv); out = Path(a.out)
    ev, cs = seed_rows(a.runs, 'evaluation'), seed_rows(a.runs, 'conditional_summary')   # both read before anything is written
    save_table(ev, out/f'evaluation_{a.name}.csv', a.note)            # atomic: a failed write leaves the old file
    print(mean_sd_text(ev, HEADLINE))
    ms = mean_sd_over_seeds(cs.drop(columns='run'), ['model']).reset_index()
    save_table(pd.concat([cs, ms.assign(run='mean_sd')], ignore_index=True), out/f'conditional_summary_{a.name}.csv', a.note)
    print(mean_sd_text(cs, COND, ('diffusion_cvae', 'diffusion', 'garch_t', 'bootstrap')))
    return ev, cs

if __name__ == '__main__': main()
