"""Variants of the VAE + latent diffusion model on the Stocks benchmark, scored with the benchmark notebook's functions.

    python benchmarks/stocks_variants.py --csv ../shared/data/timegan/stock_data.csv --out runs/stocks_variants [--repeats 3]

Each variant trains its own VAE and diffusion model (the `stocks` preset's sizes, with the changes named below) in
`<out>/<variant>/`, samples as many windows as there are real ones, and scores them with `benchmark_scores`;
`<out>/summary.csv` collects one row per variant with its training time. Runs on CUDA when present.
"""
import argparse, time
from pathlib import Path
import pandas as pd, torch
from compressing_chaos.core import run_path, set_seed, atomic_write
from compressing_chaos.vae import VAEConfig
from compressing_chaos.diffusion import DiffusionConfig
from compressing_chaos.latent_diffusion import ensure_latent_diffusion
from compressing_chaos.data import load_features, STOCKS_COLUMNS
from compressing_chaos.benchmark import feature_windows, benchmark_scores

BASE = dict(arch='mlp', latent_dim=16, hidden_dim=256, beta=1e-4, kl_warmup_epochs=50, vm_weight=1.0, epochs=200, batch_size=256, lr=1e-3)
VARIANTS = {'mlp': {}, 'mlp_mean': dict(decoder_noise=False), 'mlp_z32': dict(latent_dim=32), 'mlp_beta1e-3': dict(beta=1e-3),
            'mlp_novm': dict(vm_weight=0.0), 'conv_z32': dict(arch='conv', latent_dim=32),
            'mlp_ar': dict(decoder='ar')}

def main(argv:list|None=None # Command-line arguments (default: sys.argv[1:])
        ) -> pd.DataFrame:
    "Train and score each variant, writing `<out>/summary.csv` after each; returns it."
    p = argparse.ArgumentParser(prog=f'benchmarks/{Path(__file__).name}', description=__doc__.split('\n')[0])
    p.add_argument('--csv', required=True); p.add_argument('--out', default='stocks_variants'); p.add_argument('--repeats', type=int, default=3)
    p.add_argument('--variants', default=','.join(VARIANTS)); p.add_argument('--seed', type=int, default=0)
    p.add_argument('--epochs', type=int, default=200, help='VAE and diffusion epochs (200: the stocks preset)')
    p.add_argument('--fid-iters', type=int, default=200, help="training iterations of Context-FID's encoder")
    p.add_argument('--disc-iterations', type=int, default=2000, help="mini-batches of the TimeGAN-protocol classifier")
    a = p.parse_args(argv); dev = 'cuda' if torch.cuda.is_available() else 'cpu'; rows = []
    ws = feature_windows(load_features(a.csv, STOCKS_COLUMNS), 24, source=f'csv:{Path(a.csv).name}')
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    bad = [v for v in a.variants.split(',') if v not in VARIANTS]
    if bad: p.error(f'unknown variants {bad}: choose from {list(VARIANTS)}')
    for v in a.variants.split(','):
        kw = dict(VARIANTS[v]); noise = kw.pop('decoder_noise', True); run = run_path(v, root=out); ws.save(run/'data')
        set_seed(a.seed); t0 = time.time()
        vcfg = VAEConfig(seq_len=24, n_series=ws.n_series, seed=a.seed, **(BASE | dict(epochs=a.epochs) | kw))
        dcfg = DiffusionConfig(hidden=256, n_blocks=4, epochs=a.epochs, batch_size=256, lr=1e-4, seed=a.seed)
        ld, _ = ensure_latent_diffusion(run, ws, vcfg, dcfg, seed=a.seed, device=dev, progress=False); train_s = time.time() - t0
        syn = ld.sample(len(ws.train), seed=a.seed, decoder_noise=noise); t0 = time.time()
        s = benchmark_scores(ws.train, syn, a.repeats, a.seed, fid_iters=a.fid_iters, disc_iterations=a.disc_iterations, device=dev)
        rows.append(dict(variant=v, train_s=round(train_s, 1), score_s=round(time.time() - t0, 1), **s))
        with atomic_write(out/'summary.csv', 'w') as f: pd.DataFrame(rows).to_csv(f, index=False)
        print(v, {k: round(x, 4) for k, x in rows[-1].items() if k in ('train_s', 'context_fid', 'correlational', 'disc', 'pred', 'disc_strong', 'disc_block')}, flush=True)
    return pd.DataFrame(rows)

if __name__ == '__main__': main()
