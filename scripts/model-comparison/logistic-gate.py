#!/usr/bin/env python3
# Replaces the naive Bayes gate probability in scratch/oof-w3.json by a logistic regression's
# (same features and weights; out of fold by page for the training rows, trained on the whole
# train split for the validation rows) and writes scratch/oof-w3-lrgate.json for gate-variants.py.
# Needs scratch/feats.json (dump-features.mjs) and scratch/oof-w3.json (learned-fusion/dump-oof.mjs 3).
import json,hashlib,numpy as np
exec(open('scripts/model-comparison/nb-vs-logistic.py').read().split("def run(")[0])
rows=json.load(open('scratch/oof-w3.json'))
byid={u['id']:u for u in U}
train=[u for u in U if u['split']=='train']
val=[u for u in U if u['split']=='test' and u['real']]
glr={}
for k in range(5):
    tr=[u for u in train if not (u['real'] and bucket(u['group'])==k)]
    te=[u for u in train if u['real'] and bucket(u['group'])==k]
    X,(Xt,)=build(tr,[te]); w=np.array([3.0 if u['real'] else 1.0 for u in tr]); y=np.array([len(u['themes'])>0 for u in tr])
    lr=LogisticRegression(C=0.3,max_iter=2000,solver='liblinear').fit(X,y,sample_weight=w)
    for u,p in zip(te,lr.predict_proba(Xt)[:,1]): glr[u['id']]=p
X,(Xt,)=build(train,[val]); w=np.array([3.0 if u['real'] else 1.0 for u in train]); y=np.array([len(u['themes'])>0 for u in train])
lr=LogisticRegression(C=0.3,max_iter=2000,solver='liblinear').fit(X,y,sample_weight=w)
for u,p in zip(val,lr.predict_proba(Xt)[:,1]): glr[u['id']]=p
for r in rows: r['g_nb']=r['g']; r['g']=glr[r['id']]
json.dump(rows,open('scratch/oof-w3-lrgate.json','w'))
print('ok')
