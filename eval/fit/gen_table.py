# usage: gen_table.py RULES.json CONFIDENCE_TS -> writes the per-rule confidence table (keys with n >= 8)
import json, sys, re
stats = json.load(open(sys.argv[1])); path = sys.argv[2]
# pooled as confidence.ts reads them: the surname tie-breaks as one "surname" resolution, and
# "according to" + a name over every quote type, under the reported-speech entries
pooled = {}
for k, v in stats.items():
    t, rule = k.split('|', 1)
    rule = re.sub(r':surname-[a-z]+', ':surname', rule)
    if rule.startswith('according-to:name'): t = 'indirect'
    acc = pooled.setdefault(f"{t}|{rule}", [0, 0, 0])
    for i in range(3): acc[i] += v[i]
stats = pooled
MIN = 8
rows = []
# aggregate also on coarser keys (qualifiers dropped) so fallbacks are measured too
agg = {}
for k, (r, w, a) in stats.items():
    # pronouns and descriptions are not measurable here; roles are pooled (confidence.ts ROLE_CONFIDENCE)
    if any(x in k for x in ('pronoun-', 'description', ':role')): continue
    t, rule = k.split('|', 1)
    parts = rule.split('/')
    for i in range(len(parts), 0, -1):
        kk = f"{t}|{'/'.join(parts[:i])}"
        v = agg.setdefault(kk, [0, 0]); v[0] += r; v[1] += w
exact = {k: (v[0], v[1]) for k, v in stats.items() if k in agg}
for k in sorted(set(agg) | set(exact)):
    r, w = exact[k] if k in exact and sum(exact[k]) >= MIN else agg[k]
    n = r + w
    if n < MIN: continue
    rows.append(f'  "{k}": {int((r + 1) / (n + 2) * 1000) / 1000},  // {r}/{n}')
s = open(path).read()
start = s.index('const BY_TYPE_AND_RULE'); end = s.index('};', start) + 2
s = s[:start] + 'const BY_TYPE_AND_RULE: Readonly<Record<string, number>> = {\n' + '\n'.join(rows) + '\n};' + s[end:]
open(path, 'w').write(s)
print(len(rows), 'keys')
