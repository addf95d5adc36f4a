# usage: thresh.py SPLIT EXPORT -> precision/recall of shown speakers per threshold (scorer matching)
import sys
from pairing import pairs

split, path = sys.argv[1], sys.argv[2]
rows = []; ngold = 0
for gq, pq, ok in pairs(split, path):
    ngold += 1
    if pq is not None: rows.append((pq['confidence'], ok, gq['type']))
for t in [0.0, 0.5, 0.8, 0.85, 0.88, 0.9, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98]:
    r = sum(1 for c, ok, ty in rows if ok and c >= t)
    w = sum(1 for c, ok, ty in rows if not ok and c >= t)
    rd = sum(1 for c, ok, ty in rows if ok and c >= t and ty == 'direct')
    print(f"t={t:.2f} right {r} wrong {w} prec {r/max(1,r+w):.3f} recall {r/ngold:.3f} direct {rd}")
