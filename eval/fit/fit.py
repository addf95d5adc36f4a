# usage: fit.py SPLIT EXPORT.json -> per rule: right/wrong of candidates (scorer matching), as JSON tables
import collections, json, sys
from pairing import pairs

split, path = sys.argv[1], sys.argv[2]
stat = collections.defaultdict(lambda: [0, 0, 0])  # right, wrong, vague/anon
for gq, pq, ok in pairs(split, path):
    if pq is None: continue
    k = f"{pq['type']}|{pq['rule']}"
    if ok: stat[k][0] += 1
    elif pq.get('speakerKind') == 'anonymous' and gq.get('speaker_kind') == 'named_person': stat[k][2] += 1
    else: stat[k][1] += 1
out = {k: v for k, v in sorted(stat.items(), key=lambda kv: -sum(kv[1]))}
for k, v in out.items(): print(f"{k:45s} right {v[0]:5d} wrong {v[1]:4d} anon {v[2]:4d} prec {v[0]/max(1,v[0]+v[1]):.3f}")
json.dump(out, open(path + '.rules.json', 'w'))
