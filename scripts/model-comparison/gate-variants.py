#!/usr/bin/env python3
# Variants of the practice gate in the per-unit simulation of the shipped fusion (README model card):
# per-theme gate thresholds instead of one, and the gate factor min(1, g/tau) raised to a power k.
# Thresholds t and gate thresholds are refitted by nested 5-fold CV over the out-of-fold rows
# (scored on the check part, whose units no rule writer read) and on all out-of-fold rows for the
# validation split. Input: scratch/oof-w3.json (scripts/learned-fusion/dump-oof.mjs 3), or the
# same rows with a logistic-regression gate (scripts/model-comparison/logistic-gate.py).
#   /usr/bin/python3 scripts/model-comparison/gate-variants.py scratch/oof-w3.json
import json,sys,hashlib,numpy as np
rows=json.load(open(sys.argv[1])); T=sorted(rows[0]['p'])
units={json.loads(l)['id']:json.loads(l) for l in open('corpus/real-register.jsonl')}
def part(g): return 'check' if int(hashlib.sha256(f'rules-study:{g}'.encode()).hexdigest()[:8],16)%4==0 else 'study'
oof=[r for r in rows if r['fold']!='val']; val=[r for r in rows if r['fold']=='val']
def arr(rs):
    P=np.array([[r['p'][t] for t in T] for r in rs]); R=np.array([[r['r'][t] for t in T] for r in rs]); G=np.array([r['g'] for r in rs]); Y=np.array([[t in r['gold'] for t in T] for r in rs])
    return P,R,G,Y
def cal(p,t):
    return np.where(p<t, 0.5*p/t, 0.5+0.5*(p-t)/(1-t))
def f1(y,d):
    tp=(y&d).sum(); fp=(~y&d).sum(); fn=(y&~d).sum(); return 2*tp/max(1,2*tp+fp+fn)
TAUS=[0]+[0.05*i for i in range(1,19)]
def score(p,r,g,t,tau,k=1):
    s=1-(1-r)*(1-cal(p,t))
    if tau>0: s=s*np.minimum(1,(np.maximum(g,0)/tau)**k)
    return s
def cands(p):
    q=np.quantile(p,np.linspace(0.005,0.995,100)); return np.unique(np.clip(np.append(q,0.5),1e-6,1-1e-6))
def fit(P,R,G,Y,mode,k=1):
    # returns per theme (t,tau)
    out=[]
    tab={}  # per theme per tau best (f1,t)
    for j in range(len(T)):
        cs=cands(P[:,j]); tab[j]={}
        for tau in TAUS:
            best=(-1,0.5)
            for t in cs:
                f=f1(Y[:,j],score(P[:,j],R[:,j],G,t,tau,k)>=0.5)
                if f>best[0]+1e-12: best=(f,t)
            tab[j][tau]=best
    if mode=='global':
        tb=max(TAUS,key=lambda tau: sum(tab[j][tau][0] for j in range(len(T))))
        return [(tab[j][tb][1],tb) for j in range(len(T))]
    return [(max(tab[j].items(),key=lambda kv:kv[1][0])[1][1], max(tab[j].items(),key=lambda kv:kv[1][0])[0]) for j in range(len(T))]
def evaluate(P,R,G,Y,params,k=1):
    return [f1(Y[:,j],score(P[:,j],R[:,j],G,params[j][0],params[j][1],k)>=0.5) for j in range(len(T))]
Po,Ro,Go,Yo=arr(oof); folds=np.array([r['fold'] for r in oof]); chk=np.array([part(units[r['id']]['group'])=='check' for r in oof])
Pv,Rv,Gv,Yv=arr(val)
# shipped
sh_o=[f1(Yo[chk][:,j], (score(Po[chk][:,j],Ro[chk][:,j],Go[chk],np.array([r['t'][T[j]] for r in oof])[chk],oof[0]['tau'])>=0.5)) for j in range(len(T))]
print('shipped (dumped t,tau) check-OOF', round(np.mean(sh_o),4), 'val', round(np.mean([f1(Yv[:,j],score(Pv[:,j],Rv[:,j],Gv,val[0]['t'][T[j]],val[0]['tau'])>=0.5) for j in range(len(T))]),4))
for mode,k in [('global',1),('per',1),('global',2),('per',2),('global',0.5)]:
    # nested: fit on other outer folds (all parts), score fold's check units
    D=np.zeros_like(Yo)
    for f in range(5):
        tr=folds!=f; te=folds==f
        ps=fit(Po[tr],Ro[tr],Go[tr],Yo[tr],mode,k)
        for j in range(len(T)): D[te,j]=score(Po[te][:,j],Ro[te][:,j],Go[te],ps[j][0],ps[j][1],k)>=0.5
    cv=[f1(Yo[chk][:,j],D[chk][:,j]) for j in range(len(T))]
    ps=fit(Po,Ro,Go,Yo,mode,k)
    v=evaluate(Pv,Rv,Gv,Yv,ps,k)
    print(mode,k,'check nested',round(np.mean(cv),4),'val',round(np.mean(v),4),[round(x,3) for x in v],[(round(a,2),round(b,2)) for a,b in ps])
