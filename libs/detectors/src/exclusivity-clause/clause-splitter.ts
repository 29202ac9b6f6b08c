/**
 * Splits a document's text into clauses: articles (第五条, Article 5), numbered items
 * (一、 （一） 1. 1) 4.1 (a)) and sentences (。；！？ and . ; ! ?). A finding points at one
 * clause by its span `[start, end)` counted in Unicode code points of the text, as
 * events.md requires, so that a reader in any language (Python, Java, a browser) can cut the
 * same characters out, emoji and rare CJK characters included.
 *
 * The scan itself runs over UTF-16 indices (regular expressions need them) and converts to
 * code points only at the end.
 */
import { markerAt, type MarkerKind } from './clause-markers';

export interface ClauseSpan {
  /** Code point offset of the clause's first character (after its numbering). */
  start: number;
  /** Code point offset just after the clause's last character (its final punctuation included). */
  end: number;
  text: string;
  /** The numbering that opened the clause ("4.1", "（二）", "第五条"), if any. */
  marker: string | null;
  markerKind: MarkerKind | null;
  /**
   * For a list item, the sentence ending with a colon that introduces the list
   * ("Seller shall not:", "商家不得有下列行为："): the item only makes sense read after it.
   */
  leadIn: string | null;
}

interface LeadIn {
  text: string;
  kind: MarkerKind | null;
}

const HARD_TERMINATORS = new Set(['。', '！', '？', '；', '!', '?', ';']);
const COLONS = new Set([':', '：']);
const CLOSERS = new Set(['”', '’', '"', "'", '」', '』', ')', '）', '】', '》']);

/** Words that end in a dot without ending the sentence ("Inc.", "No. 5", "Art. 4"). */
const ABBREVIATIONS = new Set([
  'inc',
  'ltd',
  'co',
  'corp',
  'llc',
  'plc',
  'no',
  'nos',
  'art',
  'arts',
  'sec',
  'para',
  'paras',
  'cf',
  'vs',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'approx',
  'incl',
  'excl',
  'fig',
  'dept',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'ref',
  'vol',
  'pp',
  'ca',
  'resp',
]);

export function splitClauses(text: string): ClauseSpan[] {
  const toCodePoint = codePointIndex(text);
  const clauses: ClauseSpan[] = [];
  let leadIn = null as LeadIn | null;
  let i = 0;
  while (i < text.length) {
    i = skipSpace(text, i);
    if (i >= text.length) break;
    const marker = markerAt(text, i);
    const start = marker ? skipSpace(text, i + marker.length) : i;
    const end = clauseEnd(text, start);
    const trimmedEnd = trimEnd(text, start, end);
    i = Math.max(end, i + 1);
    const body = text.slice(start, trimmedEnd);
    if (!/[\p{L}\p{N}]/u.test(body)) continue;

    // A list item inherits the lead-in of the list it belongs to; anything else ends the list.
    const list = leadIn;
    const inList = list !== null && marker !== null && marker.kind !== 'article' && marker.kind !== list.kind;
    const inherited = inList ? list.text : null;
    if (!inList) leadIn = null;
    if (COLONS.has(body[body.length - 1])) {
      leadIn = {
        text: inherited ? `${inherited} ${body}` : body,
        kind: marker?.kind ?? null,
      };
    }
    clauses.push({
      start: toCodePoint[start],
      end: toCodePoint[trimmedEnd],
      text: body,
      marker: marker?.text ?? null,
      markerKind: marker?.kind ?? null,
      leadIn: inherited,
    });
  }
  return clauses;
}

/**
 * A text without sentence punctuation (OCR output, a pasted table) would otherwise be one
 * clause of any length, and the rules compare every pair of cues in a clause. Past this many
 * UTF-16 units a clause ends at the next comma or space, and past twice as many anywhere.
 */
const LONG_CLAUSE = 1000;
const SOFT_BREAKS = new Set([',', '，', '、', ' ', '\t']);

/** UTF-16 index just after the clause that starts at `start` (its terminator and closing quotes included). */
function clauseEnd(text: string, start: number): number {
  for (let j = start; j < text.length; j++) {
    const c = text[j];
    if (
      j - start >= LONG_CLAUSE &&
      (SOFT_BREAKS.has(c) || (j - start >= 2 * LONG_CLAUSE && !isLowSurrogate(text, j)))
    ) {
      return SOFT_BREAKS.has(c) ? j + 1 : j;
    }
    if (c === '\n' || c === '\r') {
      if (isSoftWrap(text, start, j)) continue;
      return j;
    }
    const ends =
      HARD_TERMINATORS.has(c) ||
      (c === '.' && isSentenceDot(text, j)) ||
      (COLONS.has(c) && introducesList(text, j + 1));
    if (ends) {
      let k = j + 1;
      while (k < text.length && CLOSERS.has(text[k])) k++;
      return k;
    }
  }
  return text.length;
}

/** A line break inside an English sentence (hard-wrapped text): the next line goes on in lower case. */
function isSoftWrap(text: string, start: number, j: number): boolean {
  const before = text.slice(start, j).trimEnd();
  const last = before[before.length - 1];
  if (!last || HARD_TERMINATORS.has(last) || COLONS.has(last) || last === '.') return false;
  const next = text[skipSpace(text, j)];
  return next !== undefined && /[a-z]/.test(next);
}

/** A dot ends a sentence unless it is part of a number, a domain, an abbreviation or "e.g.". */
function isSentenceDot(text: string, j: number): boolean {
  const next = text[j + 1];
  if (next !== undefined && !/\s/.test(next) && !CLOSERS.has(next)) return false; // 4.1, booking.com, e.g.x
  const after = text[skipSpace(text, j + 1)];
  if (after !== undefined && /[a-z,;]/.test(after)) return false; // "e.g. list", "etc. and"
  const token = /[A-Za-z.]*$/.exec(text.slice(Math.max(0, j - 12), j))?.[0] ?? '';
  if (token.includes('.')) return !/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(token) || after === undefined; // U.S., e.g
  return !ABBREVIATIONS.has(token.toLowerCase()) || after === undefined;
}

/** A colon that introduces a list: followed by a line break, the end, or an item's numbering. */
function introducesList(text: string, from: number): boolean {
  let k = from;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '　')) k++;
  if (k >= text.length || text[k] === '\n' || text[k] === '\r') return true;
  const marker = markerAt(text, k);
  return marker !== null && marker.kind !== 'bullet';
}

function isLowSurrogate(text: string, j: number): boolean {
  const code = text.charCodeAt(j);
  return code >= 0xdc00 && code <= 0xdfff;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Maps every UTF-16 index of `text` (and its length) to the number of code points before it. */
function codePointIndex(text: string): Int32Array {
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const code = text.charCodeAt(i);
    // A high surrogate and the low one after it form one code point: count it once.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        map[i + 1] = cp;
        i++;
      }
    }
    cp++;
  }
  map[text.length] = cp;
  return map;
}
