"""Benchmark of the VAE stage: probe tables of trained VAEs (architecture, variance matching on/off), with timings.

    python benchmarks/vae_probe.py --epochs 200 --hidden 256 --variants conv,conv_novm,mlp [--csv PATH] [--out bench_vae]
    python benchmarks/vae_probe.py --epochs 40 --hidden 64 --warmup 10 --variants conv,conv_ar,conv_ar16,conv_ar64 --out i14_decoders

The `*_ar*` variants use the autoregressive decoder (`decoder='ar'`, GRU width 32 or the number given); the
independent-day decoder is the original design. `decode_10k_s` is the time to decode 10,000 prior draws.

Each variant trains a VAE on the run's windows (--dataset, default sp500_arch: the S&P 500 1999-2018 shipped with `arch`;
or --csv), then decodes the test windows four ways (the probe) and writes `runs/<out>_<variant>/eval/probe_table.csv`;
`runs/<out>/summary.csv` collects the rows with training times (`--root` puts the runs elsewhere).
"""
import argparse, time
from pathlib import Path
import numpy as np, pandas as pd, torch
from compressing_chaos.core import set_seed, run_path, load_checkpoint
from compressing_chaos.windows import ensure_windows
from compressing_chaos.vae import VAEConfig, ensure_vae, vae_decode
from compressing_chaos.probe import decode_views, probe_table

VARIANTS = dict(conv=dict(arch='conv'), conv_novm=dict(arch='conv', vm_weight=0.0), mlp=dict(arch='mlp'), mlp_novm=dict(arch='mlp', vm_weight=0.0),
                conv_ar=dict(arch='conv', decoder='ar'), conv_ar16=dict(arch='conv', decoder='ar', ar_hidden=16),
                conv_ar64=dict(arch='conv', decoder='ar', ar_hidden=64))

def main(argv:list|None=None # Command-line arguments (default: sys.argv[1:])
        ) -> pd.DataFrame:
    "Train and probe each variant, writing `<root>/<out>/summary.csv` after each; returns it."
    p = argparse.ArgumentParser(prog=f'benchmarks/{Path(__file__).name}', description=__doc__.split('\n')[0])
    p.add_argument('--epochs', type=int, default=200); p.add_argument('--hidden', type=int, default=256)
    p.add_argument('--latent', type=int, default=16); p.add_argument('--warmup', type=int, default=50)
    p.add_argument('--variants', default='conv,conv_novm,mlp', help=f'comma list of {list(VARIANTS)}')
    p.add_argument('--dataset', default='sp500_arch', help="registered dataset (sp500_arch: the former 'embedded' data)")
    p.add_argument('--csv', default=None, help='CSV of daily closes (sets --dataset csv)')
    p.add_argument('--start', default=None); p.add_argument('--end', default=None); p.add_argument('--seq-len', type=int, default=None)
    p.add_argument('--n-prior', type=int, default=5000, help='prior draws of the probe')
    p.add_argument('--out', default='bench_vae'); p.add_argument('--root', default=None, help='folder of the runs (default: runs/)')
    p.add_argument('--seed', type=int, default=0)
    a = p.parse_args(argv); rows = []
    bad = [v for v in a.variants.split(',') if v not in VARIANTS]
    if bad: p.error(f'unknown variants {bad}: choose from {list(VARIANTS)}')
    base = run_path(a.out, root=a.root)
    ws = ensure_windows(base, dataset='csv' if a.csv else a.dataset, csv_path=a.csv, start=a.start, end=a.end, seq_len=a.seq_len)
    print({s: len(ws.windows[s]) for s in ws.windows}, flush=True)
    for v in a.variants.split(','):
        run = run_path(f'{a.out}_{v}', root=a.root); ws.save(run/'data')
        (run/'data'/'windows.json').write_text((base/'data'/'windows.json').read_text())
        cfg = VAEConfig(seq_len=ws.seq_len, n_series=ws.n_series, latent_dim=a.latent, hidden_dim=a.hidden, epochs=a.epochs,
                        kl_warmup_epochs=a.warmup, seed=a.seed, **VARIANTS[v])
        set_seed(a.seed); t0 = time.time(); vae, path = ensure_vae(run, ws, cfg, progress=False); secs = time.time() - t0
        hist = pd.DataFrame(load_checkpoint(run/'checkpoints'/'vae'/'last.pt')['history'])
        views = decode_views(vae, ws.scaled('test'), ws.scaler, n_prior=a.n_prior, seed=a.seed)
        z = np.random.default_rng(a.seed).standard_normal((10_000, vae.cfg.latent_dim)).astype(np.float32)
        t1 = time.time(); vae_decode(vae, z, seed=a.seed); dec_s = time.time() - t1
        t = probe_table(ws.test, {**views, 'real_train': ws.train}); t.to_csv(run/'eval'/'probe_table.csv')
        for k, r in t.iterrows():
            rows.append(dict(variant=v, view=k, train_s=round(secs, 1), s_per_epoch=round(hist.seconds.mean(), 3),
                             best_epoch=int(hist.val_loss.idxmin()) + 1, decode_10k_s=round(dec_s, 2), val_nll=float(hist.val_nll.min()),
                             params=sum(q.numel() for q in vae.parameters()), **r.to_dict()))
        pd.DataFrame(rows).to_csv(base/'summary.csv', index=False)
        print(v, f'{secs:.0f} s', flush=True)
        show = ['std_ratio', 'ex_kurt', 'es99', 'es99_50d', 'acf_abs_1', 'vr_5', 'vr_20', 'vr_L', 'lev_1_5']   # es99_50d when L = 50
        print(t[[c for c in show if c in t]].round(3), flush=True)
    return pd.DataFrame(rows)

if __name__ == '__main__': main()
