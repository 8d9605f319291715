"""How many sampling steps a run's latent diffusion model needs: the spread of its latents and the decoded windows.

For DDIM at each step count (and full DDPM), beside the real training windows:

    python benchmarks/sampler_steps.py RUN [RUN ...] --steps 50,100,200,500 --ddpm --n 2000 \\
        --results benchmarks/results/ddim_steps_quick_3seeds.csv

Each run folder needs its windows (`data/`), latents (`latents/<type>.npz`) and the unconditional diffusion checkpoint.
`z_std` is the mean over latent dimensions of the sampled latents' standard deviation in the training latents'
standardised units (1: as spread as the latents the model learned). The windows are decoded with the decoder's noise,
the latents drawn with the run's seed; `latent_s` is the seconds of drawing the latents alone. One row per run and
sampler, plus one `real_train` row per run; written atomically after each run.
"""
import argparse, time
from pathlib import Path
import pandas as pd
from compressing_chaos.core import atomic_write, load_json
from compressing_chaos.windows import WindowSet
from compressing_chaos.latents import load_latents
from compressing_chaos.latent_diffusion import LatentDiffusion, latent_stats
from compressing_chaos.metrics import describe

KEYS = ('kurt', 'acf_abs_1_5', 'lev_1_5', 'vr_L', 'var99_{L}d', 'es99_{L}d')  # `describe` numbers per row (L: window)

def _ints(s:str) -> list[int]:
    try: v = [int(x) for x in s.split(',') if x.strip()]
    except ValueError: v = []
    if not v or min(v) < 1:
        raise argparse.ArgumentTypeError(f'--steps {s!r}: give step counts >= 1 separated by commas, e.g. 50,200')
    return v

def _seed(run:Path) -> int:
    f = run/'run.json'
    return int(load_json(f).get('seed', 0)) if f.exists() else 0

def run_rows(run:Path, steps:list[int], ddpm:bool, n:int) -> list[dict]:
    "The rows of one run: the real training windows, then each sampler."
    ws = WindowSet.load(run/'data'); ld = LatentDiffusion.from_run(run, device='cpu'); seed = _seed(run)
    ls = load_latents(run/'latents'/f"{ld.meta.get('latent_type', 'post')}.npz")
    keys = [k.format(L=ws.seq_len) for k in KEYS]; d = describe(ws.train)
    rows = [dict(run=run.name, seed=seed, sampler='real_train', steps=0, z_std=1.0, latent_s=0.0,
                 **{k: float(d[k]) for k in keys})]
    T = ld.denoiser.cfg.T
    samplers = [(f'ddim_{s}', dict(sampler='ddim', steps=s)) for s in steps if s <= T]   # DDIM cannot take more than T
    for name, kw in samplers + ([('ddpm', dict(sampler='ddpm', steps=None))] if ddpm else []):
        t0 = time.perf_counter(); z = ld.sample_latents(n, seed=seed, **kw); dt = time.perf_counter() - t0
        d = describe(ld.decode(z, None, True, seed + 1))
        rows.append(dict(run=run.name, seed=seed, sampler=name, steps=kw['steps'] or T,
                         z_std=float(latent_stats(z, ls).gen_std.mean()), latent_s=round(dt, 3),
                         **{k: float(d[k]) for k in keys}))
    return rows

def main(argv:list|None=None # Command-line arguments (default: sys.argv[1:])
        ) -> pd.DataFrame:
    "Rows of every run (see the module's docstring), written to `--results` after each run; returns them."
    p = argparse.ArgumentParser(prog=f'benchmarks/{Path(__file__).name}', description=__doc__.split('\n')[0])
    p.add_argument('runs', nargs='+', help='run folders (runs/<name>)')
    p.add_argument('--steps', type=_ints, default=[50, 100, 200, 500], help='DDIM step counts (default 50,100,200,500)')
    p.add_argument('--ddpm', action='store_true', help='add full DDPM (all T steps)')
    p.add_argument('--n', type=int, default=2000, help='windows per sampler (default 2000)')
    p.add_argument('--results', default='ddim_steps.csv', help='CSV to write')
    a = p.parse_args(argv); rows = []
    for r in map(Path, a.runs):
        missing = [f for f in ('data/windows.json', 'checkpoints/diffusion/best.pt') if not (r/f).exists()]
        if missing: p.error(f'{r}: no {missing[0]} (a run folder with a finished diffusion stage is needed)')
        rows += run_rows(r, a.steps, a.ddpm, a.n); df = pd.DataFrame(rows)
        Path(a.results).parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(a.results, 'w') as f: df.to_csv(f, index=False)
        print(r.name, df[df.run == r.name].drop(columns=['run']).round(4).to_string(index=False), sep='\n', flush=True)
    return pd.DataFrame(rows)

if __name__ == '__main__': main()
