import { median } from '@fairmarket/stats';
import { compareHashed, stableHash } from '../personalization-opt-out/stable-hash';

/** Prices kept per sku: a median of 64 observations is stable to a few percent. */
const SAMPLE_SIZE = 64;

/**
 * A sku's typical price as the median of a bounded, hash-chosen sample of its observed prices
 * (bottom-k by the observation's id, so the result does not depend on row order and memory
 * stays at SAMPLE_SIZE prices per sku).
 */
export class PriceBook {
  private readonly samples = new Map<string, { hash: number; id: string; price: number }[]>();

  add(skuKey: string, observationId: string, price: number): void {
    const sample = this.samples.get(skuKey) ?? [];
    this.samples.set(skuKey, sample);
    sample.push({ hash: stableHash(observationId), id: observationId, price });
    if (sample.length >= 2 * SAMPLE_SIZE) trim(sample);
  }

  has(skuKey: string): boolean {
    return this.samples.has(skuKey);
  }

  price(skuKey: string): number | undefined {
    const sample = this.samples.get(skuKey);
    if (!sample || sample.length === 0) return undefined;
    trim(sample);
    return median(sample.map((s) => s.price));
  }
}

function trim(sample: { hash: number; id: string; price: number }[]): void {
  sample.sort((a, b) => compareHashed(a.hash, a.id, b.hash, b.id));
  sample.length = Math.min(sample.length, SAMPLE_SIZE);
}
