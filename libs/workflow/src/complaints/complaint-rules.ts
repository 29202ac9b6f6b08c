import { createHash } from 'node:crypto';

/** What a consumer group can complain about, and the detectors that check each. */
export const COMPLAINT_CATEGORIES = {
  price_discrimination: ['price_discrimination', 'personalization_opt_out'],
  fake_promotion: ['fake_promotion'],
  below_cost_pricing: ['below_cost_pricing'],
  exclusivity: ['exclusivity_clause', 'exclusivity_conduct'],
  self_preferencing: ['self_preferencing'],
  other: [],
} as const satisfies Record<string, readonly string[]>;
export type ComplaintCategory = keyof typeof COMPLAINT_CATEGORIES;
export const COMPLAINT_CATEGORY_NAMES = Object.keys(COMPLAINT_CATEGORIES) as ComplaintCategory[];

export function detectorsFor(category: ComplaintCategory): string[] {
  return [...COMPLAINT_CATEGORIES[category]];
}

/** A page address without what varies between two people sharing it: scheme, tracking query, fragment, case. */
export function normalisePageUrl(url: string | null | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    const keep = [...u.searchParams.entries()].filter(([k]) => !/^(utm_|spm|scm|share|from|ref|src)/i.test(k)).sort(([a], [b]) => a.localeCompare(b));
    const query = keep.length ? `?${keep.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${query}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

/**
 * Two complaints are duplicates when they name the same platform, the same product (sku, or
 * page when no sku is given) and the same category: the second adds weight, not a new review.
 */
export function complaintFingerprint(c: { platform_id: string; sku_id?: string | null; page_url?: string | null; category: string }): string {
  const subject = c.sku_id ? `sku:${c.sku_id}` : `page:${normalisePageUrl(c.page_url)}`;
  return createHash('sha256').update([c.platform_id, subject, c.category].join('\n')).digest('hex');
}

/** Screenshot and document types accepted, recognised by their first bytes rather than by the name. */
const SIGNATURES: { type: string; test: (b: Buffer) => boolean }[] = [
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];
export const ATTACHMENT_TYPES = SIGNATURES.map((s) => s.type);

export function sniffAttachmentType(head: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(head))?.type ?? null;
}
