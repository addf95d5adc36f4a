# usage: fit.py SPLIT EXPORT.json -> per rule: right/wrong of candidates (scorer matching), as JSON tables
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
stat = collections.defaultdict(lambda: [0, 0, 0])  # right, wrong, vague/anon
for fname, g in gold.items():
    preds = by_art.get(fname[:-3], []); used = set()
    for gq in g['quotes']:
        if not S.has_name(gq.get('speaker_as_written') or gq['speaker']): continue
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
        k = f"{pq['type']}|{pq['rule']}"
        if any(S.same_speaker(n, names) for n in [ps] + names_of.get(pid or '', [])): stat[k][0] += 1
        elif pq.get('speakerKind') == 'anonymous' and gq.get('speaker_kind') == 'named_person': stat[k][2] += 1
        else: stat[k][1] += 1
out = {k: v for k, v in sorted(stat.items(), key=lambda kv: -sum(kv[1]))}
for k, v in out.items(): print(f"{k:45s} right {v[0]:5d} wrong {v[1]:4d} anon {v[2]:4d} prec {v[0]/max(1,v[0]+v[1]):.3f}")
json.dump(out, open(path + '.rules.json', 'w'))
