"""Speed of every generator on this machine: training time per epoch or iteration, sampling throughput, peak memory.

    python benchmarks/speed.py --run runs/paper [--n 10000] [--device auto] [--out benchmarks/results/speed_cpu.csv]

It reads a trained run folder (the paper preset's: `checkpoints/vae`, `checkpoints/diffusion`, `latents/post.npz`,
`data/windows.npz`) and measures, on the device asked for (CUDA when present by default):
- training: seconds per epoch of the VAE and of the latent diffusion model (a few epochs with the run's own configs),
  seconds per iteration of each TimeGAN phase (paper networks);
- sampling: windows per second for diffusion (DDIM 10/25/50/100 steps and DDPM T=1000, decoding included), the VAE
  prior, TimeGAN, GARCH-t, ARIMA and the bootstrap;
- memory: peak GPU memory allocated per row on CUDA; on the CPU the peak growth of the process's resident memory
  during the row (sampled every 5 ms).
Rows are written one by one, so a run cut short keeps what it measured.
"""
import argparse, os, platform, threading, time
from dataclasses import replace
from pathlib import Path
import numpy as np, pandas as pd, torch
from compressing_chaos.core import get_device, load_checkpoint, atomic_write
from compressing_chaos.windows import WindowSet, Scaler
from compressing_chaos.vae import VAEConfig, train_vae, load_vae, vae_decode
from compressing_chaos.diffusion import DiffusionConfig
from compressing_chaos.diffusion_training import train_diffusion
from compressing_chaos.latents import load_latents
from compressing_chaos.latent_diffusion import LatentDiffusion
from compressing_chaos.timegan import TimeGAN, TimeGANConfig, PHASES, random_noise
from compressing_chaos.baselines import GarchT, ArimaGen, Bootstrap

def _rss_mb() -> float:
    with open('/proc/self/statm') as f: return int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE') / 2**20

class Meter:
    "Wall time (synchronised on CUDA) and peak memory of a block."
    def __init__(self, dev): self.dev = dev
    def __enter__(self):
        if self.dev.type == 'cuda': torch.cuda.synchronize(); torch.cuda.reset_peak_memory_stats()
        self.base, self.peak, self.stop = _rss_mb(), 0.0, False
        def poll():
            while not self.stop: self.peak = max(self.peak, _rss_mb() - self.base); time.sleep(0.005)
        self.th = threading.Thread(target=poll, daemon=True); self.th.start(); self.t0 = time.perf_counter(); return self
    def __exit__(self, *a):
        if self.dev.type == 'cuda': torch.cuda.synchronize()
        self.seconds = time.perf_counter() - self.t0; self.stop = True; self.th.join()
        self.mem_mb = torch.cuda.max_memory_allocated() / 2**20 if self.dev.type == 'cuda' else self.peak

def machine(dev) -> str:
    if dev.type == 'cuda': return torch.cuda.get_device_name(dev)
    return f'{platform.processor() or platform.machine()} CPU, {torch.get_num_threads()} threads'

def main(argv:list|None=None # Command-line arguments (default: sys.argv[1:])
        ) -> pd.DataFrame:
    "Measure every row asked for, writing the table after each; returns it."
    p = argparse.ArgumentParser(prog=f'benchmarks/{Path(__file__).name}', description=__doc__.split('\n')[0])
    p.add_argument('--run', default='runs/paper'); p.add_argument('--n', type=int, default=10000)
    p.add_argument('--n-ddpm', type=int, default=None, help='windows for DDPM (T steps; default: --n)')
    p.add_argument('--device', default='auto'); p.add_argument('--epochs', type=int, default=3)
    p.add_argument('--tg-iters', type=int, default=20)
    p.add_argument('--out', default=None, help='CSV written (default: benchmarks/results/speed_<device>.csv)')
    p.add_argument('--skip', default='', help='comma list of groups to skip: train,diffusion,timegan,baselines')
    p.add_argument('--baselines', default='garch_t,arima,bootstrap', help='comma list of the baselines measured')
    a = p.parse_args(argv); run = Path(a.run); skip = set(filter(None, a.skip.split(',')))
    dev = get_device(None if a.device == 'auto' else a.device); name = machine(dev)
    out = Path(a.out or Path(__file__).parent/'results'/f'speed_{dev.type}.csv'); out.parent.mkdir(parents=True, exist_ok=True)
    ws = WindowSet.load(run/'data'); rows = []
    print(f'{name}; torch {torch.__version__}; run {run}; {len(ws.train)} training windows {ws.train.shape[1:]}', flush=True)
    def add(model, what, m, unit, amount, **kw):
        r = dict(device=name, model=model, what=what, seconds=round(m.seconds, 4), unit=unit, amount=amount,
                 rate=round(amount / m.seconds, 3), mem_mb=round(m.mem_mb, 1)) | kw
        rows.append(r); print(r, flush=True)
        with atomic_write(out, 'w') as f: pd.DataFrame(rows).to_csv(f, index=False)
    def warm():
        if dev.type == 'cuda': torch.cuda.synchronize()

    vck = load_checkpoint(run/'checkpoints'/'vae'/'best.pt'); dck = load_checkpoint(run/'checkpoints'/'diffusion'/'best.pt')
    if 'train' not in skip:
        sc = Scaler.from_dict(vck['meta']['scaler'])
        vcfg = replace(VAEConfig.from_dict(vck['config']), epochs=a.epochs)
        with Meter(dev) as m: train_vae(vcfg, sc.transform(ws.train), sc.transform(ws.val), device=str(dev), progress=False)
        add('vae', f'train {a.epochs} epochs (hidden {vcfg.hidden_dim}, batch {vcfg.batch_size})', m, 'epochs', a.epochs)
        ls = load_latents(run/'latents'/'post.npz')
        z = lambda s: (ls.z[s] - np.asarray(ls.meta['mean'], np.float32)) / np.asarray(ls.meta['std'], np.float32)
        dcfg = replace(DiffusionConfig.from_dict(dck['config']), epochs=a.epochs)
        with Meter(dev) as m: train_diffusion(dcfg, z('train'), z('val'), device=str(dev), progress=False)
        add('diffusion', f'train {a.epochs} epochs (hidden {dcfg.hidden}, batch {dcfg.batch_size})', m, 'epochs', a.epochs)
    if 'diffusion' not in skip:
        ld = LatentDiffusion.from_run(run, device=str(dev)); ld.sample(256, seed=0); warm()
        T = DiffusionConfig.from_dict(dck['config']).T                          # DDPM takes all T steps (1000 in the presets)
        for sampler, steps in [*(('ddim', k) for k in (10, 25, 50, 100) if k <= T), ('ddpm', T)]:
            n = a.n if sampler == 'ddim' else (a.n_ddpm or a.n)
            with Meter(dev) as m: ld.sample(n, seed=0, sampler=sampler, steps=steps)
            add('diffusion', f'sample {sampler.upper()} {steps} + decode', m, 'windows', n)
        vae, _ = load_vae(run/'checkpoints'/'vae'/'best.pt', device=str(dev)); sc = Scaler.from_dict(vck['meta']['scaler'])
        zz = np.random.default_rng(0).standard_normal((a.n, vae.cfg.latent_dim)).astype(np.float32)
        with Meter(dev) as m: sc.inverse_transform(vae_decode(vae, zz, noise=True, seed=0))
        add('vae_prior', 'sample N(0, I) + decode', m, 'windows', a.n)
    if 'timegan' not in skip:
        w = ws.train; g = TimeGAN(TimeGANConfig.paper(seed=0, device=str(dev))).fit(w, progress=False, max_iters=1)   # networks built
        x = torch.as_tensor(g.scaler.transform(w), device=g.device); B = min(g.config.batch_size, len(w))
        bt, nz = (lambda: x[torch.randperm(len(w))[:B].to(g.device)]), (lambda: random_noise(B, w.shape[1], w.shape[2]).to(g.device))
        for ph, step in PHASES.items():
            step(g.nets, g.opts, bt, nz, g.config); warm()
            with Meter(dev) as m:
                for _ in range(a.tg_iters): step(g.nets, g.opts, bt, nz, g.config)
            add('timegan', f'train {ph} phase (hidden 24, 3 layers, batch {B})', m, 'iterations', a.tg_iters,
                iters_per_phase=g.config.iters_per_phase(len(w)))
        g.sample(256, seed=0); warm()
        with Meter(dev) as m: g.sample(a.n, seed=0)
        add('timegan', 'sample', m, 'windows', a.n)
    if 'baselines' not in skip:
        for cls in (c for c in (GarchT, ArimaGen, Bootstrap) if c.name in a.baselines.split(',')):
            with Meter(torch.device('cpu')) as m: gen = cls().fit(ws.train, ws.cond['train'], stride=ws.meta['stride'])
            add(cls.name, 'fit (CPU)', m, 'fits', 1)
            with Meter(torch.device('cpu')) as m: gen.sample(a.n, seed=0)
            add(cls.name, 'sample (CPU)', m, 'windows', a.n)
    print(pd.DataFrame(rows)[['model', 'what', 'seconds', 'unit', 'rate', 'mem_mb']].to_string(index=False))
    return pd.DataFrame(rows)

if __name__ == '__main__': main()
