#!/usr/bin/env python3
# Learned fusion, measured and not shipped (README model card, "Variants tried"): per theme, a
# logistic regression over the model's logit, the rule strength and the gate's logit (variant 2 adds
# rule x gate and "a rule fired"; variant 3 the other themes' logits), threshold chosen on the fitting
# rows. Scored by nested 5-fold CV over the out-of-fold rows and on the validation split, against the
# shipped decision simulated per unit. Input: scratch/oof-w3.json from dump-oof.mjs. Needs numpy and
# scikit-learn (Debian: python3-sklearn).  /usr/bin/python3 scripts/learned-fusion/stack.py scratch/oof-w3.json
from sklearn.linear_model import LogisticRegression
import json, numpy as np, sys
from sklearn.linear_model import LogisticRegression
rows=json.load(open(sys.argv[1])); T=sorted(rows[0]['p'])
oof=[r for r in rows if r['fold']!='val']; val=[r for r in rows if r['fold']=='val']
def cal(p,t):
    t=min(max(t,1e-9),1-1e-9); return 0.5*p/t if p<t else 0.5+0.5*(p-t)/(1-t)
def shipped(r,th):
    m=cal(r['p'][th], r['t'][th]); s=1-(1-r['r'][th])*(1-m)
    if r['tau']>0 and r['g']<r['tau']: s*=max(0,r['g'])/r['tau']
    return s>=0.5
lg=lambda p: np.log(np.clip(p,1e-6,1-1e-6)/(1-np.clip(p,1e-6,1-1e-6)))
def feats(rs,th,variant):
    p=np.array([r['p'][th] for r in rs]); rr=np.array([r['r'][th] for r in rs]); g=np.array([r['g'] for r in rs])
    cols=[lg(p), rr, lg(g)]
    if variant>=2: cols+= [rr*lg(g), (rr>0).astype(float)]
    if variant>=3: cols+= [lg(np.array([r['p'][o] for r in rs])) for o in T if o!=th]
    return np.column_stack(cols)
def f1(y,d):
    tp=(y&d).sum(); fp=(~y&d).sum(); fn=(y&~d).sum(); return 2*tp/max(1,2*tp+fp+fn)
def best_thr(y,s):
    best=(0,0.5)
    for t in np.arange(0.05,0.95,0.01):
        f=f1(y,s>=t); 
        if f>best[0]: best=(f,t)
    return best[1]
for variant in (1,2,3):
    res_cv=[];res_ship=[];res_val=[];res_val_ship=[]
    for th in T:
        y=np.array([th in r['gold'] for r in oof]); X=feats(oof,th,variant); folds=np.array([r['fold'] for r in oof])
        d=np.zeros(len(oof),bool)
        for k in range(5):
            tr=folds!=k; te=folds==k
            clf=LogisticRegression(C=1.0,max_iter=1000).fit(X[tr],y[tr])
            t=best_thr(y[tr], clf.predict_proba(X[tr])[:,1])
            d[te]=clf.predict_proba(X[te])[:,1]>=t
        res_cv.append(f1(y,d)); res_ship.append(f1(y,np.array([shipped(r,th) for r in oof])))
        clf=LogisticRegression(C=1.0,max_iter=1000).fit(X,y); t=best_thr(y,clf.predict_proba(X)[:,1])
        yv=np.array([th in r['gold'] for r in val]); res_val.append(f1(yv, clf.predict_proba(feats(val,th,variant))[:,1]>=t)); res_val_ship.append(f1(yv,np.array([shipped(r,th) for r in val])))
    print(f'variant {variant}: OOF shipped {np.mean(res_ship):.3f} stacked {np.mean(res_cv):.3f} | val shipped {np.mean(res_val_ship):.3f} stacked {np.mean(res_val):.3f}', [round(x,3) for x in res_val])
