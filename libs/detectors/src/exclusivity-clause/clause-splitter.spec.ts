import { splitClauses, type ClauseSpan } from './clause-splitter';

/** Cuts a span out of the text by code points, as a reader in another language would. */
function cut(text: string, clause: ClauseSpan): string {
  return Array.from(text).slice(clause.start, clause.end).join('');
}

function texts(text: string): string[] {
  return splitClauses(text).map((c) => c.text);
}

describe('splitClauses', () => {
  it('splits Chinese items and sentences and strips the numbering from the span', () => {
    const text = '一、报名商家须保证全网最低价。二、商家不得参加其他平台活动；否则平台将限流！三、商家可自主定价？';
    const clauses = splitClauses(text);
    expect(clauses.map((c) => c.text)).toEqual([
      '报名商家须保证全网最低价。',
      '商家不得参加其他平台活动；',
      '否则平台将限流！',
      '商家可自主定价？',
    ]);
    expect(clauses.map((c) => c.marker)).toEqual(['一、', '二、', null, '三、']);
    expect(clauses[0]).toMatchObject({
      start: 2,
      end: 15,
      markerKind: 'zh_numeral',
    });
    for (const c of clauses) expect(cut(text, c)).toBe(c.text);
  });

  it('recognises every numbering style: 第X条, （一）, (1), 1., 1、, 4.1, (a), (iv), bullets', () => {
    const text = [
      '第十二条 商家应遵守本规则。',
      '（一）甲项。',
      '(2) second item.',
      '3. third item.',
      '4、第四项。',
      '4.1 sub item.',
      '4.1.2 sub sub item.',
      '(a) letter item.',
      '(iv) roman item.',
      '• bullet item.',
    ].join('\n');
    expect(splitClauses(text).map((c) => [c.markerKind, c.marker])).toEqual([
      ['article', '第十二条'],
      ['paren_numeral', '（一）'],
      ['paren_digit', '(2)'],
      ['decimal', '3.'],
      ['decimal', '4、'],
      ['decimal', '4.1'],
      ['decimal', '4.1.2'],
      ['letter', '(a)'],
      ['roman', '(iv)'],
      ['bullet', '•'],
    ]);
  });

  it('does not split English sentences at decimals, abbreviations, e.g., initialisms or domains', () => {
    const text =
      'Fees are 8.5% of the price, e.g. for electronics, as Platform Inc. sets them under Section 4.1 of the U.S. terms at booking.com today. No. 5 applies. Done.';
    expect(texts(text)).toEqual([
      'Fees are 8.5% of the price, e.g. for electronics, as Platform Inc. sets them under Section 4.1 of the U.S. terms at booking.com today.',
      'No. 5 applies.',
      'Done.',
    ]);
  });

  it('splits English at ; ! ? and at a dot followed by a capital, and keeps closing quotes', () => {
    expect(texts('Seller shall comply; the Platform may audit! Is that clear? "Yes." The end')).toEqual([
      'Seller shall comply;',
      'the Platform may audit!',
      'Is that clear?',
      '"Yes."',
      'The end',
    ]);
    expect(texts('商家须承诺“只在本平台开店。”平台将审核。')).toEqual(['商家须承诺“只在本平台开店。”', '平台将审核。']);
  });

  it('splits numbered English items that follow a sentence end ("... channel. 4.2 Seller")', () => {
    const text = '4.1 This Agreement is non-exclusive. 4.2 Seller shall keep confidential the terms of this Agreement.';
    const clauses = splitClauses(text);
    expect(clauses.map((c) => [c.marker, c.text])).toEqual([
      ['4.1', 'This Agreement is non-exclusive.'],
      ['4.2', 'Seller shall keep confidential the terms of this Agreement.'],
    ]);
    expect(clauses[1].start).toBe(41);
  });

  it('reads list items after their lead-in, and ends the list at the next unnumbered sentence or article', () => {
    const text =
      'Article 5. Exclusivity\nDuring the Term, Seller shall not:\n(a) list on any other marketplace;\n(b) open a store elsewhere; or\n(c) run promotions elsewhere.\nSeller may set prices.\n第六条 商家不得有下列行为：（一）在其他平台开店；（二）参加其他平台活动。第七条 其他。';
    const clauses = splitClauses(text);
    const byText = (t: string): ClauseSpan => clauses.find((c) => c.text === t)!;
    expect(byText('Exclusivity').markerKind).toBe('article');
    expect(byText('list on any other marketplace;').leadIn).toBe('During the Term, Seller shall not:');
    expect(byText('run promotions elsewhere.')).toMatchObject({
      marker: 'or\n(c)',
      leadIn: 'During the Term, Seller shall not:',
    });
    expect(byText('Seller may set prices.').leadIn).toBeNull();
    expect(byText('在其他平台开店；').leadIn).toBe('商家不得有下列行为：');
    expect(byText('参加其他平台活动。').leadIn).toBe('商家不得有下列行为：');
    expect(byText('其他。').leadIn).toBeNull();
  });

  it('does not treat a colon inside a sentence as a lead-in', () => {
    expect(texts('Note: sellers may sell elsewhere. 注意：商家可在其他平台销售。')).toEqual([
      'Note: sellers may sell elsewhere.',
      '注意：商家可在其他平台销售。',
    ]);
  });

  it('joins hard-wrapped English lines but breaks at a line end after a heading or a full stop', () => {
    expect(texts('Seller shall not sell on\nother marketplaces.\nExclusivity\nSeller agrees.')).toEqual([
      'Seller shall not sell on\nother marketplaces.',
      'Exclusivity',
      'Seller agrees.',
    ]);
  });

  it('counts spans in code points, not UTF-16 units, with emoji and astral CJK characters before and inside', () => {
    // 🎉 and 𠀀 (U+20000) are one code point each but two UTF-16 units.
    const text = '🎉🎉通知。𠀀商家不得在其他平台开店😀。Seller 🚀 shall not sell elsewhere. 二、完。';
    const clauses = splitClauses(text);
    expect(clauses.map((c) => c.text)).toEqual([
      '🎉🎉通知。',
      '𠀀商家不得在其他平台开店😀。',
      'Seller 🚀 shall not sell elsewhere.',
      '完。',
    ]);
    expect(clauses.map((c) => [c.start, c.end])).toEqual([
      [0, 5],
      [5, 19],
      [19, 53],
      [56, 58],
    ]);
    for (const c of clauses) expect(cut(text, c)).toBe(c.text);
    // The UTF-16 offset of the second clause differs: a splitter that used it would be wrong.
    expect(text.indexOf('𠀀')).toBe(7);
  });

  it('cuts a text without punctuation into bounded clauses, at a comma or space when it can, never inside a code point', () => {
    const spaced = 'seller shall not sell on any other marketplace and '.repeat(60);
    const pieces = splitClauses(spaced);
    expect(pieces.length).toBeGreaterThan(2);
    // It ends at the first space after 1,000 units: at most one word longer.
    for (const c of pieces) expect(c.end - c.start).toBeLessThanOrEqual(1020);
    const astral = '𠀀'.repeat(1500);
    const chunks = splitClauses(astral);
    expect(chunks.map((c) => [c.start, c.end])).toEqual([
      [0, 1000],
      [1000, 1500],
    ]);
    for (const c of chunks) expect(cut(astral, c)).toBe(c.text);
  });

  it('drops empty pieces and text without letters, and handles a text without any terminator', () => {
    expect(texts('  \n\n。；—\n')).toEqual([]);
    expect(texts('商家不得在其他平台开店')).toEqual(['商家不得在其他平台开店']);
    expect(splitClauses('')).toEqual([]);
  });
});
