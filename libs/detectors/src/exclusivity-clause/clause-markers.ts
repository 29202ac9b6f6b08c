/**
 * Numbering that opens an article, a list item or a bullet. A marker is only looked for at
 * the start of a clause (start of text, after a line break or after a sentence end), so a
 * cross-reference such as "see Section 4.1" inside a sentence never splits it.
 */
export type MarkerKind =
  | 'article' // 第五条, Article 5.
  | 'zh_numeral' // 一、
  | 'paren_numeral' // （一）
  | 'decimal' // 1.  1、  4.1  4.1.2
  | 'paren_digit' // (1)  1)
  | 'letter' // (a)  a)
  | 'roman' // (iv)  iv)
  | 'bullet'; // •  -  *

export interface Marker {
  kind: MarkerKind;
  /** The marker as written, without the whitespace after it. */
  text: string;
  /** UTF-16 length of the marker plus the whitespace after it. */
  length: number;
}

const ZH_NUMERAL = '[一二三四五六七八九十百千零〇两]';

/** Tried in order at one position; sticky (`y`) so they only match exactly there. */
const MARKER_PATTERNS: readonly { kind: MarkerKind; re: RegExp }[] = [
  {
    kind: 'article',
    re: new RegExp(`第(?:${ZH_NUMERAL}+|\\d+)[条章节款](?:[\\s　、：:]*)`, 'y'),
  },
  // English headings only when the number is followed by a separator, so that a sentence
  // starting "Section 4.2 applies ..." keeps its words.
  {
    kind: 'article',
    re: /(?:Article|ARTICLE|Section|SECTION|Clause|CLAUSE|Art\.|§)\s*\d+(?:\.\d+)*\s*(?:[.:\u2013\u2014-]|(?=\n))[ \t]*/y,
  },
  { kind: 'zh_numeral', re: new RegExp(`${ZH_NUMERAL}+、\\s*`, 'y') },
  {
    kind: 'paren_numeral',
    re: new RegExp(`[（(]${ZH_NUMERAL}+[）)]\\s*`, 'y'),
  },
  { kind: 'paren_digit', re: /[（(]\d{1,3}[）)]\s*/y },
  {
    kind: 'roman',
    re: /(?:(?:and|or|and\/or)\s+)?(?:\((?:i{1,3}|iv|vi{0,3}|ix|x)\)|(?:i{1,3}|iv|vi{0,3}|ix|x)\))\s+/y,
  },
  { kind: 'letter', re: /(?:(?:and|or|and\/or)\s+)?(?:\([a-z]\)|[a-z]\))\s+/y },
  { kind: 'letter', re: /(?:\([a-z]\)|[a-z]\))(?=[^\s\x00-\x7f])/y },
  // "4.1 ", "4.1.2 ", "12. ", "3、", "3．" — a bare number needs a dot or a 、 after it.
  { kind: 'decimal', re: /\d{1,3}(?:\.\d{1,3})+\.?(?=\s|[^\x00-\x7f])\s*/y },
  { kind: 'decimal', re: /\d{1,3}(?:[.．](?!\d)|、)\s*/y },
  { kind: 'paren_digit', re: /\d{1,3}[)）]\s*/y },
  { kind: 'bullet', re: /[•·●▪■◆◇○\-*–—]\s+/y },
  { kind: 'bullet', re: /[①-⑳]\s*/y },
];

/** The marker that starts exactly at `index` of `text`, if any. */
export function markerAt(text: string, index: number): Marker | null {
  for (const { kind, re } of MARKER_PATTERNS) {
    re.lastIndex = index;
    const m = re.exec(text);
    if (m && m[0].length > 0) return { kind, text: m[0].trim(), length: m[0].length };
  }
  return null;
}
