/**
 * Known values. "R" = the output R prints for t.test; "mpmath" = the same quantities at 50
 * digits from src/reference/reference-values.py (independent of @stdlib), which agree with
 * every printed R digit.
 */
import { summarize } from './running-summary';
import { oneSampleTTest, welchTTest } from './t-test';
import { expectRelativelyClose } from './testing/expect-close';

const x = [19.1, 21.4, 20.0, 22.5, 18.9];
const y = [23.0, 24.1, 22.8, 25.0];
// R's `sleep` data set (Cushny & Peebles), extra hours of sleep by drug.
const sleep1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const sleep2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('welchTTest', () => {
  it('matches t.test(x, y) for x = c(19.1, 21.4, 20.0, 22.5, 18.9), y = c(23.0, 24.1, 22.8, 25.0)', () => {
    // mpmath: diff −3.345, se 0.85888978726415572, t −3.8945625499342782,
    // df 6.8508669071163809, p 0.0061959437014139667, CI [−5.3849484011764678, −1.3050515988235322].
    // By hand: var(x) = 2.377, var(y) = 1.0825, se² = 2.377/5 + 1.0825/4 = 0.7417125.
    const r = welchTTest(summarize(x), summarize(y));
    expect(r.diff).toBeCloseTo(-3.345, 13);
    expectRelativelyClose(r.se, 0.85888978726415572, 1e-13);
    expectRelativelyClose(r.t, -3.8945625499342782, 1e-13);
    expectRelativelyClose(r.df, 6.8508669071163809, 1e-13);
    expectRelativelyClose(r.p, 0.0061959437014139667, 1e-10);
    expectRelativelyClose(r.ci95[0], -5.3849484011764678, 1e-12);
    expectRelativelyClose(r.ci95[1], -1.3050515988235322, 1e-12);
  });

  it("matches R's t.test(extra ~ group, data = sleep): t = -1.8608, df = 17.776, p-value = 0.07939", () => {
    const r = welchTTest(summarize(sleep1), summarize(sleep2));
    expect(r.t).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBeCloseTo(17.776, 3);
    expect(r.p).toBeCloseTo(0.07939, 5);
    // R: 95 percent confidence interval: -3.3654832  0.2054832
    expect(r.ci95[0]).toBeCloseTo(-3.3654832, 7);
    expect(r.ci95[1]).toBeCloseTo(0.2054832, 7);
    // mpmath, full precision
    expectRelativelyClose(r.p, 0.079394140187358138, 1e-10);
    expectRelativelyClose(r.df, 17.77647351617849, 1e-13);
  });

  it('is antisymmetric: swapping the groups flips diff, t and the interval, keeps df and p', () => {
    const ab = welchTTest(summarize(x), summarize(y));
    const ba = welchTTest(summarize(y), summarize(x));
    expect(ba.diff).toBeCloseTo(-ab.diff, 14);
    expect(ba.t).toBeCloseTo(-ab.t, 12);
    expect(ba.df).toBeCloseTo(ab.df, 12);
    expect(ba.p).toBeCloseTo(ab.p, 14);
    expect(ba.ci95[0]).toBeCloseTo(-ab.ci95[1], 12);
  });

  it('zero variance: p = 1 when the means are equal, p = 0 when they differ', () => {
    const same = welchTTest({ n: 3, mean: 5, variance: 0 }, { n: 4, mean: 5, variance: 0 });
    expect(same).toEqual({ diff: 0, se: 0, t: 0, df: 5, p: 1, ci95: [0, 0] });
    const apart = welchTTest({ n: 3, mean: 5, variance: 0 }, { n: 4, mean: 4, variance: 0 });
    expect(apart).toEqual({ diff: 1, se: 0, t: Infinity, df: 5, p: 0, ci95: [1, 1] });
    expect(welchTTest({ n: 3, mean: 4, variance: 0 }, { n: 4, mean: 5, variance: 0 }).t).toBe(-Infinity);
  });

  it('one group constant: df falls back to the other group (n − 1), as Welch–Satterthwaite gives', () => {
    const r = welchTTest({ n: 6, mean: 10, variance: 0 }, summarize(x));
    expect(r.df).toBeCloseTo(4, 12);
    expect(r.se).toBeCloseTo(Math.sqrt(2.377 / 5), 13);
  });

  it('refuses n < 2 and NaN summaries', () => {
    expect(() => welchTTest(summarize([1]), summarize(x))).toThrow(/at least 2 observations/);
    expect(() => welchTTest(summarize(x), { n: 5, mean: NaN, variance: 1 })).toThrow(/b.mean/);
    expect(() => welchTTest(summarize(x), { n: 5, mean: 1, variance: -1 })).toThrow(/negative/);
  });
});

describe('oneSampleTTest', () => {
  it('matches t.test(x, mu = 20): t = 0.55113, df = 4, p-value = 0.6109 (mpmath to full precision)', () => {
    const r = oneSampleTTest(summarize(x), 20);
    expect(r.diff).toBeCloseTo(0.38, 13);
    expectRelativelyClose(r.t, 0.55112994420332484, 1e-12);
    expect(r.df).toBe(4);
    expectRelativelyClose(r.p, 0.61088057403087191, 1e-12);
    expectRelativelyClose(r.ci95[0], -1.5343382628216066, 1e-12);
    expectRelativelyClose(r.ci95[1], 2.2943382628216066, 1e-12);
  });

  it("matches R's paired t.test on sleep (a one-sample test of the differences): t = -4.0621, df = 9, p-value = 0.002833", () => {
    const d = sleep1.map((v, i) => v - sleep2[i]);
    const r = oneSampleTTest(summarize(d));
    expect(r.t).toBeCloseTo(-4.0621, 4);
    expect(r.df).toBe(9);
    expect(r.p).toBeCloseTo(0.002833, 6);
    // R: 95 percent confidence interval: -2.4598858 -0.7001142
    expect(r.ci95[0]).toBeCloseTo(-2.4598858, 7);
    expect(r.ci95[1]).toBeCloseTo(-0.7001142, 7);
    expectRelativelyClose(r.p, 0.0028328901973842727, 1e-10);
  });

  it('zero variance follows the same convention, and n < 2 is refused', () => {
    expect(oneSampleTTest({ n: 4, mean: 2, variance: 0 }, 2).p).toBe(1);
    expect(oneSampleTTest({ n: 4, mean: 2, variance: 0 }, 1).p).toBe(0);
    expect(() => oneSampleTTest(summarize([3]))).toThrow(/at least 2/);
    expect(() => oneSampleTTest(summarize(x), NaN)).toThrow(/mu/);
  });
});
