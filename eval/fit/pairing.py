"""Pairs each named gold quote of a PolNeAR split with a prediction the way score.py does, and says
whether the proposed speaker (shown, or the candidate below the threshold) names the gold one.
Shared by fit.py (per-rule counts) and thresh.py (precision and recall per threshold)."""
import collections, json, os, sys

# ../shared/eval beside the repo, as CI lays it out.
SHARED = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/eval'))
sys.path.insert(0, SHARED)
import score as S  # noqa: E402


def pairs(split, export_path):
    """Yields (gold quote, prediction or None, right) for every named gold quote of the split;
    prediction is None when nothing matches or the match proposes no speaker."""
    gold = json.load(open(f'{SHARED}/polnear/{split}/gold.json'))['files']
    exp = json.load(open(export_path))
    names_of = {e['id']: [e.get('name') or ''] + list(e.get('aliases') or []) for e in exp['entities']}
    by_art = collections.defaultdict(list)
    for q in exp['quotes']:
        by_art[q['articleId']].append(q)
    for fname, g in gold.items():
        preds = by_art.get(fname[:-3], [])
        used = set()
        for gq in g['quotes']:
            if not S.has_name(gq.get('speaker_as_written') or gq['speaker']):
                continue
            need = 0.5 if gq['type'] == 'indirect' else 0.8
            glen = len(set(S.toks(gq['text'])))
            best, bi = 0.0, None
            for i, pq in enumerate(preds):
                if i in used or len(set(S.toks(pq['text']))) > 2 * glen + 5:
                    continue
                ov = S.overlap(gq['text'], pq['text'])
                if ov > best:
                    best, bi = ov, i
            if bi is None or best < need:
                yield gq, None, False
                continue
            used.add(bi)
            pq = preds[bi]
            ps = pq['speaker'] if pq['speaker'] is not None else pq.get('candidate')
            pid = pq['speakerId'] if pq['speaker'] is not None else pq.get('candidateId')
            if ps is None:
                yield gq, None, False
                continue
            names = [gq['speaker']] + ([gq['speaker_as_written']] if S.has_name(gq.get('speaker_as_written') or '') else [])
            yield gq, pq, any(S.same_speaker(n, names) for n in [ps] + names_of.get(pid or '', []))
