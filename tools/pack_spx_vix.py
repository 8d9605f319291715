"""Write the packaged S&P 500 + CBOE VIX history `compressing_chaos/pkgdata/spx_vix_daily.csv.gz`.

Usage: python tools/pack_spx_vix.py [SHARED_DATA_DIR]   (default ../shared/data beside the checkout)
Input: `spx_vix_daily.csv` (S&P 500 and CBOE VIX joined on trading days, 1990-01-02..2026-07-07) and
`sp500_gspc_daily.csv` (for the 1989-12-29 close the first return is measured against); provenance in that
folder's README.md. Output: date, S&P 500 close, VIX close (2 decimals), gzip with a zero time stamp, so the bytes
depend on the data alone.
"""
import gzip, io, sys
from pathlib import Path
import pandas as pd

root = Path(__file__).resolve().parents[1]
src = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent/'shared'/'data'
j = pd.read_csv(src/'spx_vix_daily.csv', parse_dates=['Date'])
spx = pd.read_csv(src/'sp500_gspc_daily.csv', parse_dates=['Date']).set_index('Date')['Close']
prev = spx[spx.index < j['Date'].iloc[0]].iloc[-1:]                       # 1989-12-29: the base of the first return
out = pd.concat([pd.DataFrame({'date': prev.index, 'spx_close': prev.values, 'vix_close': float('nan')}),
                 pd.DataFrame({'date': j['Date'], 'spx_close': j['spx_close'], 'vix_close': j['vix_close']})])
buf = io.StringIO(); out.to_csv(buf, index=False, float_format='%.2f', date_format='%Y-%m-%d')
dst = root/'compressing_chaos'/'pkgdata'/'spx_vix_daily.csv.gz'
with open(dst, 'wb') as f, gzip.GzipFile(fileobj=f, mode='wb', mtime=0, filename='') as g: g.write(buf.getvalue().encode())
print(f'{len(out)} rows ({out.date.iloc[0].date()} .. {out.date.iloc[-1].date()}) -> {dst} ({dst.stat().st_size/1024:.0f} KiB)')
