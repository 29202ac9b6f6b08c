import { complaintFingerprint, detectorsFor, normalisePageUrl, sniffAttachmentType } from './complaint-rules';

describe('complaint rules', () => {
  it('maps categories to the detectors that check them', () => {
    expect(detectorsFor('price_discrimination')).toEqual(['price_discrimination', 'personalization_opt_out']);
    expect(detectorsFor('other')).toEqual([]);
  });

  it('treats the same product page shared with tracking parameters as one page', () => {
    expect(normalisePageUrl('https://www.Shop.example/item/42/?utm_source=wx&id=7#reviews')).toBe('shop.example/item/42?id=7');
    expect(normalisePageUrl('http://shop.example/item/42?id=7&spm=a1')).toBe('shop.example/item/42?id=7');
  });

  it('fingerprints duplicates alike and different products or categories apart', () => {
    const a = complaintFingerprint({ platform_id: 'p1', sku_id: 's1', category: 'fake_promotion' });
    expect(complaintFingerprint({ platform_id: 'p1', sku_id: 's1', category: 'fake_promotion', page_url: 'https://x' })).toBe(a);
    expect(complaintFingerprint({ platform_id: 'p1', sku_id: 's2', category: 'fake_promotion' })).not.toBe(a);
    expect(complaintFingerprint({ platform_id: 'p1', sku_id: 's1', category: 'below_cost_pricing' })).not.toBe(a);
    expect(complaintFingerprint({ platform_id: 'p1', page_url: 'https://shop.example/i/1?utm_x=1', category: 'other' })).toBe(
      complaintFingerprint({ platform_id: 'p1', page_url: 'http://www.shop.example/i/1', category: 'other' }),
    );
  });

  it('recognises screenshots and PDFs by content, not by name', () => {
    expect(sniffAttachmentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffAttachmentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffAttachmentType(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffAttachmentType(Buffer.from('<html>not an image'))).toBeNull();
  });
});
