"""Maintenance of the notebooks and their docs (not part of the package).

    python tools/nbtool.py exec nbs/01_data.ipynb ...   # run notebooks in place (default parameters), keep outputs, clean
    python tools/nbtool.py docs                         # nbdev_proc_nbs, README.md from index, HTML pages into _docs/
    python tools/nbtool.py lint [nbs/XX.ipynb ...]      # exported cells over 30 lines, exported lines over 120 characters

Notebooks are committed with their outputs so that the docs pages show tables and figures (nbdev/Quarto do not
execute them). Quarto is the real docs renderer (`nbdev_docs`); `docs` here is the pure-Python check used where
Quarto is not installed; its pages get the sidebar of nbs/sidebar.yml and previous/next links.
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

def lint(paths=(), max_cell:int=30, max_line:int=120) -> dict:
    "Per notebook: exported cells longer than `max_cell` lines (directives not counted) and exported lines over `max_line` chars."
    import json
    res = {}
    for p in sorted(Path(q) for q in paths) if paths else sorted((ROOT/'nbs').glob('*.ipynb')):
        long_cells, long_lines = [], 0
        for i, c in enumerate(json.loads(Path(p).read_text())['cells']):
            src = ''.join(c['source']) if c['cell_type'] == 'code' else ''
            if not re.match(r'^#\|\s*export', src): continue
            code = [l for l in src.splitlines() if not l.startswith('#|')]
            if len(code) > max_cell: long_cells.append((i, len(code)))
            long_lines += sum(len(l) > max_line for l in code)
        res[Path(p).name] = dict(cells_over=len(long_cells), lines_over=long_lines, cells=long_cells)
    return res

def _print_lint(res):
    print(f'{"notebook":28s} {"cells>30":>8s} {"lines>120":>9s}  longest cells (index: lines)')
    for k, r in res.items():
        print(f'{k:28s} {r["cells_over"]:8d} {r["lines_over"]:9d}  ' + ', '.join(f'{i}: {n}' for i, n in r['cells']))
    print(f'{"total":28s} {sum(r["cells_over"] for r in res.values()):8d} {sum(r["lines_over"] for r in res.values()):9d}')

def docs():
    "Process notebooks like nbdev does, write README.md from index.ipynb, render every page to _docs/*.html."
    from nbconvert import MarkdownExporter, HTMLExporter
    import nbformat
    proc = ROOT/'_proc'
    subprocess.run([str(BIN/'nbdev_proc_nbs')], check=True, cwd=ROOT)
    # README: the processed index page as Markdown, its figures beside it in README_files/
    nb = nbformat.read(proc/'index.ipynb', as_version=4)
    for cell in nb.cells:                                      # `#| echo: false` / `#| hide` cells show their outputs only
        if cell.cell_type == 'code' and re.search(r'^#\|\s*(echo:\s*false|hide)', cell.source, re.M): cell.source = ''
    body, res = MarkdownExporter(exclude_input=False).from_notebook_node(nb, resources={'output_files_dir': 'README_files'})
    body = re.sub(r'\n```\n\s*```\n', '\n', body)           # the empty code blocks of those cells
    body = re.sub(r'^---\n.*?\n---\n', '', body, flags=re.S)   # front matter is for Quarto
    shutil.rmtree(ROOT/'README_files', ignore_errors=True)
    for name, data in res.get('outputs', {}).items():
        (ROOT/name).parent.mkdir(parents=True, exist_ok=True); (ROOT/name).write_bytes(data)
    (ROOT/'README.md').write_text('<!-- generated from nbs/index.ipynb by tools/nbtool.py docs: do not edit -->\n\n' + body.strip() + '\n')
    out = ROOT/'_docs'; out.mkdir(exist_ok=True)
    from traitlets.config import Config
    c = Config(); c.TagRemovePreprocessor.remove_input_tags = ('remove_input',); c.TagRemovePreprocessor.remove_cell_tags = ('remove_cell',)
    c.TagRemovePreprocessor.enabled = True; c.HTMLExporter.exclude_input_prompt = True; c.HTMLExporter.exclude_output_prompt = True
    pages = {}
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
        pages[p.stem] = (nb, title or p.stem)
    order = _sidebar_order(pages)
    for stem, (nb, title) in pages.items():
        html, _ = HTMLExporter(config=c, embed_images=True).from_notebook_node(nb)
        html = re.sub(r'href="([A-Za-z0-9_]+)\.ipynb(#[^"]*)?"', lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', html)   # links between pages
        html = html.replace('<body', _NAV_CSS + '<body', 1)
        html = re.sub(r'(<body[^>]*>)', lambda m: m.group(1) + _nav(order, pages, stem), html, count=1)
        html = html.replace('</body>', _pager(order, pages, stem) + '</body>', 1)
        (out/f'{stem}.html').write_text(html)
        n_img = html.count('data:image/png')
        print(f'{stem + ".ipynb":28s} -> _docs/{stem}.html ({len(html)//1024} KiB, {n_img} figures)')

_NAV_CSS = """<style>.chaos-nav{position:fixed;top:0;left:0;bottom:0;width:220px;overflow:auto;padding:10px 12px;background:#f6f7f9;
border-right:1px solid #ddd;font:13px/1.45 sans-serif}.chaos-nav p{margin:10px 0 2px;font-weight:600;color:#555}
.chaos-nav ul{list-style:none;margin:0;padding:0}.chaos-nav a{color:#1a4f8b;text-decoration:none}.chaos-nav a.current{font-weight:700;color:#000}
body{margin-left:245px!important}.chaos-pager{display:flex;justify-content:space-between;margin:24px 16px;font:14px sans-serif}</style>
"""

def _sidebar_order(pages) -> list:
    "The pages in the order and sections of nbs/sidebar.yml (the Quarto sidebar), then any page it does not list."
    items, order = yaml.safe_load((ROOT/'nbs'/'sidebar.yml').read_text())['website']['sidebar']['contents'], []
    for it in items:
        sec, files = (None, [it]) if isinstance(it, str) else (it['section'], it['contents'])
        order += [(sec, Path(f).stem) for f in files if Path(f).stem in pages]
    return order + [(None, s) for s in pages if s not in {o[1] for o in order}]

def _nav(order, pages, current) -> str:
    "The sidebar of the nbconvert pages: every page by section, the current one in bold."
    html, sec = ['<nav class="chaos-nav">'], object()
    for s, stem in order:
        if s != sec: html.append(('</ul>' if len(html) > 1 else '') + (f'<p>{s}</p>' if s else '') + '<ul>'); sec = s
        html.append(f'<li><a href="{stem}.html"' + (' class="current"' if stem == current else '') + f'>{pages[stem][1]}</a></li>')
    return ''.join(html) + '</ul></nav>'

def _pager(order, pages, current) -> str:
    "Links to the previous and next page in sidebar order."
    stems = [s for _, s in order]; i = stems.index(current)
    prev = f'<a href="{stems[i - 1]}.html">← {pages[stems[i - 1]][1]}</a>' if i > 0 else '<span></span>'
    nxt = f'<a href="{stems[i + 1]}.html">{pages[stems[i + 1]][1]} →</a>' if i + 1 < len(stems) else '<span></span>'
    return f'<nav class="chaos-pager">{prev}{nxt}</nav>'

if __name__ == '__main__':
    cmd, *args = sys.argv[1:] or ['help']
    if cmd == 'exec': exec_nbs(args)
    elif cmd == 'docs': docs()
    elif cmd == 'lint': _print_lint(lint(args))
    else: print(__doc__)
