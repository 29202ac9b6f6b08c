/**
 * Thin wrappers over the @stdlib distribution functions, with the standard parameters fixed
 * and the inputs checked. @stdlib returns NaN for bad input; we throw instead (see validate.ts).
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import hypergeometricCdfImpl from '@stdlib/stats-base-dists-hypergeometric-cdf';
import normalCdfImpl from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileImpl from '@stdlib/stats-base-dists-normal-quantile';
import tCdfImpl from '@stdlib/stats-base-dists-t-cdf';
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';
import { requireCount, requireDegreesOfFreedom, requireNumber, requireProbability } from './validate';

/** P(Z <= x) for a standard normal Z. */
export function normalCdf(x: number): number {
  return normalCdfImpl(requireNumber(x, 'x'), 0, 1);
}

/** The z with P(Z <= z) = p for a standard normal Z (-Infinity at 0, Infinity at 1). */
export function normalQuantile(p: number): number {
  return normalQuantileImpl(requireProbability(p, 'p'), 0, 1);
}

/**
 * P(T <= t) for Student's t with `df` degrees of freedom (fractional df allowed, as Welch needs).
 * df = Infinity is the normal limit; @stdlib answers 0.5 there, so we route it to the normal.
 */
export function tCdf(t: number, df: number): number {
  requireNumber(t, 't');
  requireDegreesOfFreedom(df);
  return df === Infinity ? normalCdf(t) : tCdfImpl(t, df);
}

/** The t with P(T <= t) = p for Student's t with `df` degrees of freedom. */
export function tQuantile(p: number, df: number): number {
  requireProbability(p, 'p');
  requireDegreesOfFreedom(df);
  return df === Infinity ? normalQuantile(p) : tQuantileImpl(p, df);
}

/** P(X <= x) for a chi-square variable with `df` degrees of freedom. */
export function chiSquareCdf(x: number, df: number): number {
  return chisquareCdf(requireNumber(x, 'x'), requireDegreesOfFreedom(df));
}

/**
 * P(X <= x) where X counts the marked items among `draws` items drawn without replacement
 * from a population of `population` items of which `marked` are marked.
 */
export function hypergeometricCdf(x: number, population: number, marked: number, draws: number): number {
  requireNumber(x, 'x');
  requireCount(population, 'population');
  requireCount(marked, 'marked');
  requireCount(draws, 'draws');
  if (marked > population || draws > population) {
    throw new RangeError(`marked (${marked}) and draws (${draws}) cannot exceed population (${population})`);
  }
  return hypergeometricCdfImpl(x, population, marked, draws);
}
