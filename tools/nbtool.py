"""Maintenance of the notebooks and their docs (not part of the package).

    python tools/nbtool.py exec nbs/01_data.ipynb ...   # run notebooks in place (default parameters), keep outputs, clean
    python tools/nbtool.py docs                         # nbdev_proc_nbs, README.md from index, HTML pages into _docs/

Notebooks are committed with their outputs so that the docs pages show tables and figures (nbdev/Quarto do not
execute them). Quarto is the real docs renderer (`nbdev_docs`); `docs` here is the pure-Python check used where
Quarto is not installed.
"""
import os, sys, subprocess, shutil, time, re, base64
import yaml
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

def exec_nbs(paths):
    "Execute each notebook in place from nbs/ (as nbdev_test does), keeping its outputs, then nbdev_clean it."
    from execnb.nbio import read_nb, write_nb
    from execnb.shell import CaptureShell
    for p in paths:
        p = Path(p).resolve(); t0 = time.time()
        nb = read_nb(p); cwd = os.getcwd(); os.chdir(p.parent)
        try:
            sh = CaptureShell(p); sh.run_all(nb, exc_stop=True)
        finally: os.chdir(cwd)
        write_nb(nb, p)
        subprocess.run([str(BIN/'nbdev_clean'), '--fname', str(p)], check=True, cwd=ROOT)
        print(f'executed {p.name} in {time.time()-t0:.0f} s')

def docs():
    "Process notebooks like nbdev does, write README.md from index.ipynb, render every page to _docs/*.html."
    from nbconvert import MarkdownExporter, HTMLExporter
    import nbformat
    proc = ROOT/'_proc'
    subprocess.run([str(BIN/'nbdev_proc_nbs')], check=True, cwd=ROOT)
    # README: the processed index page as Markdown, its figures beside it in README_files/
    nb = nbformat.read(proc/'index.ipynb', as_version=4)
    body, res = MarkdownExporter().from_notebook_node(nb, resources={'output_files_dir': 'README_files'})
    body = re.sub(r'^---\n.*?\n---\n', '', body, flags=re.S)   # front matter is for Quarto
    shutil.rmtree(ROOT/'README_files', ignore_errors=True)
    for name, data in res.get('outputs', {}).items():
        (ROOT/name).parent.mkdir(parents=True, exist_ok=True); (ROOT/name).write_bytes(data)
    (ROOT/'README.md').write_text('<!-- generated from nbs/index.ipynb by tools/nbtool.py docs: do not edit -->\n\n' + body.strip() + '\n')
    out = ROOT/'_docs'; out.mkdir(exist_ok=True)
    from traitlets.config import Config
    c = Config(); c.TagRemovePreprocessor.remove_input_tags = ('remove_input',); c.TagRemovePreprocessor.remove_cell_tags = ('remove_cell',)
    c.TagRemovePreprocessor.enabled = True; c.HTMLExporter.exclude_input_prompt = True; c.HTMLExporter.exclude_output_prompt = True
    for p in sorted(proc.glob('*.ipynb')):
        nb = nbformat.read(p, as_version=4)
        fm = next((c.source for c in nb.cells if c.cell_type == 'raw' and c.source.startswith('---')), '')
        meta = (yaml.safe_load(fm.strip().strip('-')) or {}) if fm else {}              # front matter, read as Quarto reads it (YAML)
        title, desc = meta.get('title'), meta.get('description')
        if title: nb.cells.insert(0, nbformat.v4.new_markdown_cell(f'# {title}' + (f'\n\n*{desc}*' if desc else '')))
        for cell in nb.cells:   # what Quarto would do with nbdev's directives and front matter
            tags = cell.metadata.setdefault('tags', [])
            if cell.cell_type == 'raw' and cell.source.startswith('---'): tags.append('remove_cell')
            if cell.cell_type == 'code' and re.search(r'^#\|\s*(echo:\s*false|hide)', cell.source, re.M): tags.append('remove_input')
            if cell.cell_type == 'code': cell.source = re.sub(r'^#\|.*\n?', '', cell.source, flags=re.M)
            for o in cell.get('outputs', []):
                if 'data' in o and 'text/markdown' in o['data']:
                    o['data']['text/markdown'] = re.sub(r'\{target="_blank"[^}]*\}', '', o['data']['text/markdown'])
        html, _ = HTMLExporter(config=c, embed_images=True).from_notebook_node(nb)
        (out/f'{p.stem}.html').write_text(html)
        n_img = html.count('data:image/png')
        print(f'{p.name:28s} -> _docs/{p.stem}.html ({len(html)//1024} KiB, {n_img} figures)')

if __name__ == '__main__':
    cmd, *args = sys.argv[1:] or ['help']
    if cmd == 'exec': exec_nbs(args)
    elif cmd == 'docs': docs()
    else: print(__doc__)
