"""
Independent reference values for libs/stats tests, at 50 significant digits.

Run: python3 libs/stats/src/reference/reference-values.py   (needs mpmath >= 1.3)

Nothing here uses scipy or the @stdlib code under test: t and chi-square tail areas come from
mpmath's regularised incomplete beta / gamma functions, hypergeometric probabilities from exact
binomial coefficients (Python integers and Fractions). Published R outputs quoted in the
specs (sleep data, TeaTasting, the chisq.test party table) are reproduced here as a cross-check.
"""
from fractions import Fraction
from math import comb
import mpmath as mp

mp.mp.dps = 50


def t_cdf(t, df):
    t, df = mp.mpf(t), mp.mpf(df)
    tail = mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2
    return tail if t < 0 else 1 - tail


def t_quantile(p, df):
    # plain bisection: slow but cannot diverge (Newton from a fixed start does in small-df tails)
    lo, hi, p = mp.mpf(-10**6), mp.mpf(10**6), mp.mpf(p)
    for _ in range(250):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def chisq_upper(x, df):
    return mp.gammainc(mp.mpf(df) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def moments(xs):
    xs = [mp.mpf(str(v)) for v in xs]
    n = len(xs)
    m = mp.fsum(xs) / n
    v = mp.fsum((x - m) ** 2 for x in xs) / (n - 1)
    return n, m, v


def welch(x, y):
    nx, mx, vx = moments(x)
    ny, my, vy = moments(y)
    se = mp.sqrt(vx / nx + vy / ny)
    df = (vx / nx + vy / ny) ** 2 / ((vx / nx) ** 2 / (nx - 1) + (vy / ny) ** 2 / (ny - 1))
    t = (mx - my) / se
    q = t_quantile(mp.mpf('0.975'), df)
    return dict(diff=mx - my, se=se, t=t, df=df, p=2 * t_cdf(-abs(t), df), lo=mx - my - q * se, hi=mx - my + q * se)


def one_sample(x, mu):
    n, m, v = moments(x)
    se = mp.sqrt(v / n)
    t = (m - mp.mpf(str(mu))) / se
    q = t_quantile(mp.mpf('0.975'), n - 1)
    d = m - mp.mpf(str(mu))
    return dict(diff=d, se=se, t=t, df=n - 1, p=2 * t_cdf(-abs(t), n - 1), lo=d - q * se, hi=d + q * se)


def show(title, d):
    print(title)
    for k, v in d.items():
        print(f'  {k} = {mp.nstr(v, 17)}')


def fisher(a, b, c, d):
    m, n, k = a + c, b + d, a + b
    lo, hi = max(0, k - n), min(k, m)
    total = comb(m + n, k)
    pr = {x: Fraction(comb(m, x) * comb(n, k - x), total) for x in range(lo, hi + 1)}
    obs = pr[a]
    two = sum((p for p in pr.values() if p <= obs * Fraction(1 + 10**-7)), Fraction(0))
    greater = sum((p for x, p in pr.items() if x >= a), Fraction(0))
    less = sum((p for x, p in pr.items() if x <= a), Fraction(0))
    # conditional MLE of the odds ratio: E[X | psi] = a (what R's fisher.test reports)
    def mean_at(psi):
        w = {x: mp.mpf(comb(m, x) * comb(n, k - x)) * mp.power(psi, x) for x in pr}
        return mp.fsum(x * v for x, v in w.items()) / mp.fsum(w.values())
    mle = mp.findroot(lambda lp: mean_at(mp.e ** lp) - a, 1.0) if lo < a < hi else None
    return dict(two_sided=mp.mpf(two.numerator) / two.denominator, greater=mp.mpf(greater.numerator) / greater.denominator,
                less=mp.mpf(less.numerator) / less.denominator, cond_mle=mp.e ** mle if mle is not None else mp.nan)


def chisq(table):
    rows = [r for r in table if sum(r) > 0]
    cols = [j for j in range(len(rows[0])) if sum(r[j] for r in rows) > 0]
    rows = [[mp.mpf(r[j]) for j in cols] for r in rows]
    n = mp.fsum(mp.fsum(r) for r in rows)
    rs = [mp.fsum(r) for r in rows]
    cs = [mp.fsum(r[j] for r in rows) for j in range(len(cols))]
    stat = mp.fsum((rows[i][j] - rs[i] * cs[j] / n) ** 2 / (rs[i] * cs[j] / n) for i in range(len(rows)) for j in range(len(cols)))
    df = (len(rows) - 1) * (len(cols) - 1)
    return dict(statistic=stat, df=df, p=chisq_upper(stat, df))


x = [19.1, 21.4, 20.0, 22.5, 18.9]
y = [23.0, 24.1, 22.8, 25.0]
show('welch x vs y', welch(x, y))
sleep1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
sleep2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]
show('welch sleep (R: t = -1.8608, df = 17.776, p-value = 0.07939, CI -3.3654832 0.2054832)', welch(sleep1, sleep2))
show('one-sample x, mu = 20', one_sample(x, 20))
diffs = [round(a - b, 10) for a, b in zip(sleep1, sleep2)]
show('one-sample sleep differences, mu = 0 (R paired: t = -4.0621, df = 9, p-value = 0.002833, CI -2.4598858 -0.7001142)', one_sample(diffs, 0))

show('fisher tea [[3,1],[1,3]] (R: p-value = 0.4857; greater 0.2429; odds ratio 6.408309)', fisher(3, 1, 1, 3))
show('fisher [[10,2],[3,15]]', fisher(10, 2, 3, 15))
show('fisher [[1,9],[11,3]]', fisher(1, 9, 11, 3))
show('fisher [[7,30],[2,250]]', fisher(7, 30, 2, 250))

show('chisq party (R: X-squared = 30.07, df = 2, p-value = 2.954e-07)', chisq([[762, 327, 468], [484, 239, 477]]))
show('chisq [[12,5,0],[0,0,0],[7,9,0],[3,11,0]]', chisq([[12, 5, 0], [0, 0, 0], [7, 9, 0], [3, 11, 0]]))
show('chisq 2x2 [[20,15],[30,35]] (no continuity correction)', chisq([[20, 15], [30, 35]]))

print('distributions')
for v in [-1.96, 0.5, 3]:
    print(f'  normal cdf({v}) = {mp.nstr(mp.ncdf(v), 17)}')
for p in ['0.975', '0.001']:
    print(f'  normal quantile({p}) = {mp.nstr(mp.findroot(lambda z: mp.ncdf(z) - mp.mpf(p), 0), 17)}')
for t, df in [(-2.5, 3), (1.3, 17.5), (-40, 5)]:
    print(f'  t cdf({t}, {df}) = {mp.nstr(t_cdf(t, df), 17)}')
for p, df in [('0.975', 4), ('0.975', 17.776), ('0.01', 2.5)]:
    print(f'  t quantile({p}, {df}) = {mp.nstr(t_quantile(p, df), 17)}')
for x, df in [(3.84, 1), (30.07, 2), (10, 7)]:
    print(f'  chisq cdf({x}, {df}) = {mp.nstr(1 - chisq_upper(x, df), 17)}  upper {mp.nstr(chisq_upper(x, df), 17)}')


def mulberry32(seed):
    a = seed & 0xFFFFFFFF
    out = []
    for _ in range(5):
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = ((a ^ (a >> 15)) * (1 | a)) & 0xFFFFFFFF
        t = ((t + (((t ^ (t >> 7)) * (61 | t)) & 0xFFFFFFFF)) & 0xFFFFFFFF) ^ t
        out.append(((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296)
    return out


print('mulberry32 (bryc/code, jshash/PRNGs.md), first five draws')
for seed in [1, 42, 0xDEADBEEF]:
    print(f'  seed {seed}: {mulberry32(seed)}')
