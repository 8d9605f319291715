"""Horizon benchmark: the 50-day numbers of every generator of two runs (before/after a change), and the VAE decoders' probe.

    python benchmarks/horizon_table.py --runs i14_before,i14_after --out quick

For each run: `describe` (metrics) of the real training windows and of each unconditional samples file named in
--models, written to `benchmarks/results/horizon_<out>.csv` with a figure `horizon_<out>.png` (variance ratio by horizon,
L-day return density); and the probe rows (posterior and prior decodings of the test windows) of each run's VAE, with
its decoder and the time to decode 10,000 prior draws, in `vae_decoder_ablation_<out>.csv`. `s_per_epoch` is measured by
training each decoder for --time-epochs epochs back to back on the same windows (the runs' own epoch times depend on
what else the machine was doing). `horizon_<out>_stage_seconds.csv` holds each run's stage durations (pipeline.json).
"""
import argparse, time, json
from pathlib import Path
import numpy as np, pandas as pd, matplotlib; matplotlib.use('Agg')
from compressing_chaos.core import run_path, project_root, load_samples, load_checkpoint
from compressing_chaos.windows import ensure_windows
from compressing_chaos.metrics import describe
from compressing_chaos.vae import load_vae, vae_decode, train_vae
from dataclasses import replace
from compressing_chaos.probe import decode_views, probe_table
from compressing_chaos.evaluation import plot_horizon

COLS = ['vr_5', 'vr_10', 'vr_20', 'vr_L', 'mean_spread', 'var99_50d', 'es99_50d', 'kurt', 'acf_r_1', 'acf_abs_1_5', 'lev_1_5', 'std']

def main():
    p = argparse.ArgumentParser(); p.add_argument('--runs', default='i14_before,i14_after'); p.add_argument('--out', default='quick')
    p.add_argument('--models', default='diffusion,vae_prior,garch_t,bootstrap,arima,timegan'); p.add_argument('--seed', type=int, default=0)
    p.add_argument('--time-epochs', type=int, default=3)
    a = p.parse_args(); res = project_root()/'benchmarks'/'results'; rows, abl, figsets, sec = [], [], {}, {}
    for r in a.runs.split(','):
        run = run_path(r); ws = ensure_windows(run)
        rows.append(dict(run=r, model='real_train', **describe(ws.train))); figsets.setdefault('real', ws.train)
        for m in a.models.split(','):
            f = run/'samples'/f'{m}.npz'
            if not f.exists(): continue
            w = load_samples(f)['windows']; rows.append(dict(run=r, model=m, n=len(w), **describe(w)))
            if m in ('diffusion', 'garch_t', 'bootstrap') and (m == 'diffusion' or m not in figsets): figsets[m if m != 'diffusion' else f'diffusion ({r})'] = w
        vp = run/'checkpoints'/'vae'/'best.pt'
        if vp.exists():
            vae, ck = load_vae(vp, device='cpu'); hist = pd.DataFrame(load_checkpoint(run/'checkpoints'/'vae'/'last.pt')['history'])
            z = np.random.default_rng(a.seed).standard_normal((10_000, vae.cfg.latent_dim)).astype(np.float32)
            t0 = time.time(); vae_decode(vae, z, seed=a.seed); dec = time.time() - t0
            _, th = train_vae(replace(vae.cfg, epochs=a.time_epochs), ws.scaled('train'), ws.scaled('val'), progress=False, device='cpu')
            sec[r] = round(float(th.seconds.mean()), 2)
            t = probe_table(ws.test, {**decode_views(vae, ws.scaled('test'), ws.scaler, n_prior=5000, seed=a.seed), 'real_train': ws.train})
            for k, row in t.iterrows():
                abl.append(dict(run=r, decoder=vae.cfg.decoder, ar_hidden=vae.cfg.ar_hidden if vae.cfg.decoder == 'ar' else None, view=k,
                                s_per_epoch=sec[r], epochs=len(hist), val_nll=float(hist.val_nll.min()),
                                decode_10k_s=round(dec, 2), params=sum(q.numel() for q in vae.parameters()), **row.to_dict()))
    df = pd.DataFrame(rows); df[['run', 'model', *[c for c in COLS if c in df]]].to_csv(res/f'horizon_{a.out}.csv', index=False)
    print(df[['run', 'model', *[c for c in COLS if c in df]]].round(3).to_string())
    if abl:
        ab = pd.DataFrame(abl); ab.to_csv(res/f'vae_decoder_ablation_{a.out}.csv', index=False)
        print(ab[ab.view.isin(['real', 'posterior', 'prior'])][['run', 'decoder', 'view', 's_per_epoch', 'decode_10k_s', 'std_ratio', 'ex_kurt',
              'vr_5', 'vr_10', 'vr_20', 'vr_L', 'acf_abs_1', 'lev_1_5', 'var99_50d', 'es99_50d']].round(3).to_string())
    secs = {r: {k: v.get('seconds') for k, v in json.loads((run_path(r)/'pipeline.json').read_text()).items()}
            for r in a.runs.split(',') if (run_path(r)/'pipeline.json').exists()}
    pd.DataFrame(secs).rename_axis('stage').to_csv(res/f'horizon_{a.out}_stage_seconds.csv')
    fig = plot_horizon(figsets.pop('real'), figsets); fig.savefig(res/f'horizon_{a.out}.png', dpi=110, bbox_inches='tight')

if __name__ == '__main__': main()
