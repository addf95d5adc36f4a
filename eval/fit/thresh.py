# usage: thresh.py SPLIT EXPORT -> precision/recall of shown speakers per threshold (scorer matching)
import json, os, sys, collections
# ../shared/eval beside the repo, as CI lays it out.
SHARED = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/eval'))
sys.path.insert(0, SHARED)
import score as S
split, path = sys.argv[1], sys.argv[2]
gold = json.load(open(f'{SHARED}/polnear/{split}/gold.json'))['files']
exp = json.load(open(path))
names_of = {e['id']: [e.get('name') or ''] + list(e.get('aliases') or []) for e in exp['entities']}
by_art = collections.defaultdict(list)
for q in exp['quotes']: by_art[q['articleId']].append(q)
rows = []; ngold = 0
for fname, g in gold.items():
    preds = by_art.get(fname[:-3], []); used = set()
    for gq in g['quotes']:
        if not S.has_name(gq.get('speaker_as_written') or gq['speaker']): continue
        ngold += 1
        need = 0.5 if gq['type'] == 'indirect' else 0.8
        glen = len(set(S.toks(gq['text']))); best, bi = 0.0, None
        for i, pq in enumerate(preds):
            if i in used or len(set(S.toks(pq['text']))) > 2*glen+5: continue
            ov = S.overlap(gq['text'], pq['text'])
            if ov > best: best, bi = ov, i
        if bi is None or best < need: continue
        used.add(bi); pq = preds[bi]
        ps = pq['speaker'] if pq['speaker'] is not None else pq.get('candidate')
        pid = pq['speakerId'] if pq['speaker'] is not None else pq.get('candidateId')
        if ps is None: continue
        names = [gq['speaker']] + ([gq['speaker_as_written']] if S.has_name(gq.get('speaker_as_written') or '') else [])
        ok = any(S.same_speaker(n, names) for n in [ps] + names_of.get(pid or '', []))
        anon = False
        rows.append((pq['confidence'], ok, anon, gq['type']))
for t in [0.0, 0.5, 0.8, 0.85, 0.88, 0.9, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98]:
    r = sum(1 for c, ok, anon, ty in rows if ok and (anon or c >= t))
    w = sum(1 for c, ok, anon, ty in rows if not ok and not anon and c >= t)
    rd = sum(1 for c, ok, anon, ty in rows if ok and (anon or c >= t) and ty == 'direct')
    print(f"t={t:.2f} right {r} wrong {w} prec {r/max(1,r+w):.3f} recall {r/ngold:.3f} direct {rd}")
