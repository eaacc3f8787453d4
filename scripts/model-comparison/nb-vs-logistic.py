#!/usr/bin/env python3
# Naive Bayes against logistic regression on the same features (README model card, "Variants tried"):
# ROC AUC of the gate and of each theme, and best-threshold F1 with and without the rule scores,
# on the check part of the outer 5-fold CV by page over the real-register training units and on the
# validation split. Written units weigh 1, real-register units 3, as in training. Needs scipy and
# scikit-learn (Debian: python3-sklearn). After node scripts/model-comparison/dump-features.mjs:
#   /usr/bin/python3 scripts/model-comparison/nb-vs-logistic.py
import json,hashlib,numpy as np,sys
from scipy.sparse import csr_matrix
from sklearn.naive_bayes import BernoulliNB, MultinomialNB
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
U=json.load(open('scratch/feats.json'))
T=sorted({t for u in U for t in u['themes']})
def bucket(g): return int(hashlib.sha256(f'outer:{g}'.encode()).hexdigest()[:8],16)%5
def part(g): return 'check' if int(hashlib.sha256(f'rules-study:{g}'.encode()).hexdigest()[:8],16)%4==0 else 'study'
def build(train, tests):
    cnt={}
    for u in train:
        for f in u['f']: cnt[f]=cnt.get(f,0)+1
    voc={f:i for i,f in enumerate(k for k,v in cnt.items() if v>=2)}
    def mat(us):
        rows=[];cols=[]
        for i,u in enumerate(us):
            for f in u['f']:
                j=voc.get(f)
                if j is not None: rows.append(i);cols.append(j)
        return csr_matrix((np.ones(len(rows)),(rows,cols)),shape=(len(us),len(voc)))
    return mat(train),[mat(t) for t in tests]
def run(train,test,Cs=(0.1,0.3,1.0)):
    X,(Xt,)=build(train,[test])
    w=np.array([3.0 if u['real'] else 1.0 for u in train])
    res={}
    targets=[('gate',lambda u: len(u['themes'])>0)]+[(t,(lambda t: lambda u: t in u['themes'])(t)) for t in T]
    for name,fn in targets:
        y=np.array([fn(u) for u in train]); yt=np.array([fn(u) for u in test])
        nb=MultinomialNB(alpha=0.5).fit(X,y,sample_weight=w)
        # length damping like the project: scale log-odds by sqrt(60/n) when n>60
        n=np.asarray(Xt.sum(1)).ravel(); damp=np.where(n>60,np.sqrt(60/np.maximum(n,1)),1.0)
        jl=nb.predict_joint_log_proba(Xt); s_nb=(jl[:,1]-jl[:,0])*damp
        r={'nb':roc_auc_score(yt,s_nb)}
        for C in Cs:
            lr=LogisticRegression(C=C,max_iter=2000,solver='liblinear').fit(X,y,sample_weight=w)
            r[f'lr{C}']=roc_auc_score(yt,lr.decision_function(Xt))
        res[name]=r
    return res
def bestf1(y,s):
    o=np.argsort(-s); ys=y[o]; tp=np.cumsum(ys); k=np.arange(1,len(ys)+1); P=ys.sum()
    f=2*tp/(k+P); return f.max()
def logit(p): p=np.clip(p,1e-9,1-1e-9); return np.log(p/(1-p))
def run2(train,test,fitset=None):
    X,(Xt,)=build(train,[test])
    w=np.array([3.0 if u['real'] else 1.0 for u in train])
    out={}
    for t in T:
        y=np.array([t in u['themes'] for u in train]); yt=np.array([t in u['themes'] for u in test])
        nb=MultinomialNB(alpha=0.5).fit(X,y,sample_weight=w)
        n=np.asarray(Xt.sum(1)).ravel(); damp=np.where(n>60,np.sqrt(60/np.maximum(n,1)),1.0)
        jl=nb.predict_joint_log_proba(Xt); s_nb=(jl[:,1]-jl[:,0])*damp
        lr=LogisticRegression(C=0.3,max_iter=2000,solver='liblinear').fit(X,y,sample_weight=w); s_lr=lr.decision_function(Xt)
        r=np.array([u['r'].get(t,0) for u in test])
        z=lambda s:(s-s.mean())/s.std()
        out[t]={'nb':bestf1(yt,s_nb),'lr':bestf1(yt,s_lr),'avg':bestf1(yt,z(s_nb)+z(s_lr)),
                'nb+rules':bestf1(yt,z(s_nb)+2*r),'avg+rules':bestf1(yt,z(s_nb)+z(s_lr)+2*r),'lr+rules':bestf1(yt,z(s_lr)+2*r)}
    return out
train=[u for u in U if u['split']=='train']
realtrain=[u for u in train if u['real']]
val=[u for u in U if u['split']=='test' and u['real']]
agg={};agg2={}
for k in range(5):
    tr=[u for u in train if not (u['real'] and bucket(u['group'])==k)]
    te=[u for u in realtrain if bucket(u['group'])==k and part(u['group'])=='check']
    for name,d in run(tr,te).items():
        for m,v in d.items(): agg.setdefault(name,{}).setdefault(m,[]).append(v)
    for t,d in run2(tr,te).items():
        for m,v in d.items(): agg2.setdefault(m,[]).append(v)
print('ROC AUC, check part out of fold (mean over 5 folds)')
for name,d in agg.items(): print(f'{name:22s}',' '.join(f'{m}={np.mean(v):.3f}' for m,v in d.items()))
print('ROC AUC, validation split')
for name,d in run(train,val).items(): print(f'{name:22s}',' '.join(f'{m}={v:.3f}' for m,v in d.items()))
print('best-threshold F1, macro; check part:',' '.join(f'{m}={np.mean(v):.3f}' for m,v in agg2.items()))
d=run2(train,val); ms=list(next(iter(d.values())).keys())
print('best-threshold F1, macro; validation:',' '.join(f'{m}={np.mean([d[t][m] for t in T]):.3f}' for m in ms))
