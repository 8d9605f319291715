"""Horizon benchmark: the 50-day numbers of every generator of two runs (before/after a change), and the VAE decoders' probe.

    python benchmarks/horizon_table.py --runs i14_before,i14_after --out quick [--results benchmarks/results]

For each run: `describe` (metrics) of the real training windows and of each unconditional samples file named in
--models, written to `benchmarks/results/horizon_<out>.csv` with a figure `horizon_<out>.png` (variance ratio by horizon,
L-day return density); and the probe rows (posterior and prior decodings of the test windows) of each run's VAE, with
its decoder and the time to decode 10,000 prior draws, in `vae_decoder_ablation_<out>.csv`. `s_per_epoch` is measured by
training each decoder for --time-epochs epochs back to back on the same windows (the runs' own epoch times depend on
what else the machine was doing). `horizon_<out>_stage_seconds.csv` holds each run's stage durations (pipeline.json).
A run is named (a folder of `runs/`) or given as the path of its folder (with a '/').
"""
import argparse, time, json
from pathlib import Path
import numpy as np, pandas as pd, matplotlib; matplotlib.use('Agg')
from compressing_chaos.core import run_path, project_root, load_samples, load_checkpoint
from compressing_chaos.windows import WindowSet
from compressing_chaos.metrics import describe
from compressing_chaos.vae import load_vae, vae_decode, train_vae
from dataclasses import replace
from compressing_chaos.probe import decode_views, probe_table
from compressing_chaos.evaluation import plot_horizon

COLS = ['vr_5', 'vr_10', 'vr_20', 'vr_L', 'mean_spread', 'var99_50d', 'es99_50d', 'kurt', 'acf_r_1', 'acf_abs_1_5', 'lev_1_5', 'std']

def _run(r:str) -> Path:
    "A run given by name (`runs/<name>`) or by the path of its folder (with a '/', e.g. `runs/quick` or `./quick`)."
    return Path(r) if '/' in r else run_path(r, create=False)

def main(argv:list|None=None # Command-line arguments (default: sys.argv[1:])
        ) -> pd.DataFrame:
    "Write the horizon table, the decoder ablation, the stage seconds and the figure; returns the horizon table."
    p = argparse.ArgumentParser(prog=f'benchmarks/{Path(__file__).name}', description=__doc__.split('\n')[0])
    p.add_argument('--runs', default='i14_before,i14_after', help='comma list of run names or run folders')
    p.add_argument('--out', default='quick', help='suffix of the files written')
    p.add_argument('--results', default=str(project_root()/'benchmarks'/'results'), help='folder the files go to')
    p.add_argument('--models', default='diffusion,vae_prior,garch_t,bootstrap,arima,timegan'); p.add_argument('--seed', type=int, default=0)
    p.add_argument('--time-epochs', type=int, default=3); p.add_argument('--n-prior', type=int, default=5000, help='prior draws of the probe')
    p.add_argument('--n-decode', type=int, default=10_000, help='prior draws decoded for the timing (decode_10k_s is scaled to 10,000)')
    a = p.parse_args(argv); res = Path(a.results); res.mkdir(parents=True, exist_ok=True); rows, abl, figsets, sec = [], [], {}, {}
    runs = {Path(r).name: _run(r) for r in a.runs.split(',')}
    for r, run in runs.items():
        ws = WindowSet.load(run/'data')   # the windows the run made, whatever its settings
        rows.append(dict(run=r, model='real_train', **describe(ws.train))); figsets.setdefault('real', ws.train)
        for m in a.models.split(','):
            f = run/'samples'/f'{m}.npz'
            if not f.exists(): continue
            w = load_samples(f)['windows']; rows.append(dict(run=r, model=m, n=len(w), **describe(w)))
            if m in ('diffusion', 'garch_t', 'bootstrap') and (m == 'diffusion' or m not in figsets):
                figsets[m if m != 'diffusion' else f'diffusion ({r})'] = w
        if (run/'checkpoints'/'vae'/'best.pt').exists(): abl += decoder_rows(r, run, ws, a, sec)
    df = pd.DataFrame(rows); df[['run', 'model', *[c for c in COLS if c in df]]].to_csv(res/f'horizon_{a.out}.csv', index=False)
    print(df[['run', 'model', *[c for c in COLS if c in df]]].round(3).to_string())
    if abl:
        ab = pd.DataFrame(abl); ab.to_csv(res/f'vae_decoder_ablation_{a.out}.csv', index=False)
        show = ['run', 'decoder', 'view', 's_per_epoch', 'decode_10k_s', 'std_ratio', 'ex_kurt', 'vr_5', 'vr_10', 'vr_20', 'vr_L',
                'acf_abs_1', 'lev_1_5', 'var99_50d', 'es99_50d']                  # the 50-day columns when L = 50
        print(ab[ab.view.isin(['real', 'posterior', 'prior'])][[c for c in show if c in ab]].round(3).to_string())
    secs = {r: {k: v.get('seconds') for k, v in json.loads((run/'pipeline.json').read_text()).items()}
            for r, run in runs.items() if (run/'pipeline.json').exists()}
    pd.DataFrame(secs).rename_axis('stage').to_csv(res/f'horizon_{a.out}_stage_seconds.csv')
    fig = plot_horizon(figsets.pop('real'), figsets); fig.savefig(res/f'horizon_{a.out}.png', dpi=110, bbox_inches='tight')
    return df

def decoder_rows(r:str, run:Path, ws, a, sec:dict) -> list:
    "The probe rows of a run's VAE, with its decoder, the time to decode --n-decode prior draws and seconds per epoch."
    vae, ck = load_vae(run/'checkpoints'/'vae'/'best.pt', device='cpu')
    hist = pd.DataFrame(load_checkpoint(run/'checkpoints'/'vae'/'last.pt')['history'])
    z = np.random.default_rng(a.seed).standard_normal((a.n_decode, vae.cfg.latent_dim)).astype(np.float32)
    t0 = time.time(); vae_decode(vae, z, seed=a.seed); dec = (time.time() - t0) * 10_000 / a.n_decode
    _, th = train_vae(replace(vae.cfg, epochs=a.time_epochs), ws.scaled('train'), ws.scaled('val'), progress=False, device='cpu')
    sec[r] = round(float(th.seconds.mean()), 2)
    views = decode_views(vae, ws.scaled('test'), ws.scaler, n_prior=a.n_prior, seed=a.seed)
    t = probe_table(ws.test, {**views, 'real_train': ws.train}); rows = []
    for k, row in t.iterrows():
        rows.append(dict(run=r, decoder=vae.cfg.decoder, ar_hidden=vae.cfg.ar_hidden if vae.cfg.decoder == 'ar' else None, view=k,
                         s_per_epoch=sec[r], epochs=len(hist), val_nll=float(hist.val_nll.min()),
                         decode_10k_s=round(dec, 2), params=sum(q.numel() for q in vae.parameters()), **row.to_dict()))
    return rows

if __name__ == '__main__': main()
