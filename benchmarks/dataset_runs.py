"""Collect the quick-preset runs of several datasets into benchmarks/results/.

    chaos run --preset quick --run-name quick
    chaos run --preset quick --run-name energy --dataset gefcom2014_load --csv ../shared/data/gefcom2014/gefcom2014_load_hourly.csv.gz
    python benchmarks/dataset_runs.py runs/quick runs/energy [--load "16.2"]

Writes `evaluation_quick_<dataset>.csv` (each run's `eval/evaluation.csv`; also its conditional summary, VIX buckets,
stress report and episodes where the run has them) and appends one row per run to
`datasets_quick.csv`: dataset, condition kind, window length, stride, D, rows and windows per split, the wall seconds of
every stage from `pipeline.json` (skipped stages: 'skipped'), the total, and the machine's load average while it ran.
"""
import argparse, json, os, shutil, datetime
from pathlib import Path
import pandas as pd

def main(argv:list|None=None # Command-line arguments (default: sys.argv[1:])
        ) -> pd.DataFrame:
    "Copy each run's tables into --out and append its row to `datasets_quick.csv`; returns that table."
    p = argparse.ArgumentParser(prog=f'benchmarks/{Path(__file__).name}', description=__doc__.split('\n')[0])
    p.add_argument('runs', nargs='+', help='run folders made with the quick preset')
    p.add_argument('--load', default='', help='load average of the machine during the runs (other jobs share the CPU)')
    p.add_argument('--out', default=str(Path(__file__).parent/'results'), help='results folder')
    a = p.parse_args(argv)
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True); rows = []
    for r in map(Path, a.runs):
        rows.append(run_row(r, a.load))
        for name in ('evaluation', 'conditional_summary', 'vix_buckets', 'stress_report', 'stress_episodes'):
            if (e := r/'eval'/f'{name}.csv').exists(): shutil.copy(e, out/f'{name}_quick_{rows[-1]["dataset"]}.csv')
    f = out/'datasets_quick.csv'
    df = pd.DataFrame(rows)
    if f.exists(): df = pd.concat([pd.read_csv(f), df], ignore_index=True).drop_duplicates(['run', 'dataset'], keep='last')
    df.to_csv(f, index=False); print(df.T.to_string()); return df

def run_row(r:Path, # A run folder holding data/windows.json and pipeline.json
            load:str='' # Load average noted for the run
           ) -> dict:
    "One row of `datasets_quick.csv`: the run's data, splits and stage times."
    wj, pj = r/'data'/'windows.json', r/'pipeline.json'
    if not (wj.exists() and pj.exists()): raise SystemExit(f'{r}: no data/windows.json or pipeline.json: run the pipeline first.')
    w, st = json.loads(wj.read_text()), json.loads(pj.read_text())
    return dict(run=r.name, dataset=w.get('dataset') or 'unknown', cond_kind=w['cond_kind'], seq_len=w['seq_len'],
                stride=w['stride'], n_series=w['n_series'], first=w['split_days']['train'][0], last=w['split_days']['test'][1],
                **{f'{s}_rows': w['n_days'][s] for s in ('train', 'val', 'test')},
                **{f'{s}_windows': w['n_windows'][s] for s in ('train', 'val', 'test')},
                **{f's_{k}': ('skipped' if v.get('status') == 'skipped' else v.get('seconds')) for k, v in st.items()},
                total_s=round(sum(v.get('seconds') or 0 for v in st.values()), 1), cpus=os.cpu_count(), load_average=load,
                written=datetime.date.today().isoformat())

if __name__ == '__main__': main()
