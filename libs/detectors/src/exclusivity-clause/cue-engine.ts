/**
 * The cue layer of the clause rules: finds the words that matter (an obligation, a mention
 * of other platforms, a sanction...) in one clause, and answers the questions the rules ask
 * about them (is this cue negated? are these two close?). Rules never look at raw text, only
 * at cues, so each finding can name exactly the words it rests on.
 */

export type CueClass =
  /** Other platforms or sales channels: 其他平台, 竞争性平台, "any other marketplace", named rivals. */
  | 'rival'
  /** The merchant's other own channels (官网, 线下门店, "own website"): other channels for parity. */
  | 'channel'
  /** Being present or active on a channel: 开店, 入驻, 销售, 参加活动, list, sell, open a store. */
  | 'verb'
  /** Leaving a channel: 关闭, 撤出, 下架, close, withdraw, cease. */
  | 'close'
  /** A duty not to act: 不得, 禁止, shall not, may not. */
  | 'prohibit'
  /** A bare 不 that is a promise not to act only after a commitment verb: 保证不在…开设. */
  | 'commit_not'
  /** A duty to act: 须, 应当, 承诺, shall, must, agrees to. */
  | 'oblige'
  /** Takes back a duty or a sanction that follows it: 不要求, 无需, 可自主, nothing ... shall restrict, non-exclusive. */
  | 'negation'
  /** Denies or reports a duty instead of imposing it, wherever it stands in the scope: 从未, 郑重声明, "has never". */
  | 'denial'
  /** Only here: 仅在本平台, 独家经营, 二选一, exclusively through the Platform, sole channel. */
  | 'only'
  /** Something the platform does to a merchant: 降权, 限流, 扣除保证金, 清退, demote, delist, forfeit. */
  | 'sanction'
  /** Opens a condition: 如, 若, 一经发现, 对于…的, if, where, who, that. */
  | 'condition'
  /** Points back to the previous clause's duty: 否则, 违反上述约定, failing which, in breach of the foregoing. */
  | 'anaphor'
  /** The merchant's own misconduct, a lawful ground for a sanction: 售假, 刷单, counterfeit, fraud. */
  | 'misconduct'
  /** Exclusivity about something other than sales channels: 商标, 授权区域, 管辖, 保密, trademark, territory. */
  | 'non_channel'
  /** A price promise the platform makes to consumers at its own cost: 买贵退差, 价保, price match promise. */
  | 'consumer'
  /** A price or trading term: 价格, 售价, 优惠条件, price, rates, terms. */
  | 'price'
  /** A comparison of prices or terms: 不高于, 不劣于, 一致, no higher than, at least as favourable. */
  | 'comparator'
  /** The lowest price anywhere: 全网最低价, 全渠道最低, lowest price available anywhere online. */
  | 'lowest_across'
  /** Most-favoured treatment: 最惠待遇, 最优惠的价格, most favoured customer, price parity. */
  | 'mfn'
  /** A word that is by itself activity on rivals: 脚踩两只船. */
  | 'rival_idiom';

export interface CuePattern {
  cls: CueClass;
  /** Global regular expression over the normalised clause text. */
  re: RegExp;
}

export interface CueHit {
  cls: CueClass;
  /** Offsets in the normalised clause text. */
  start: number;
  end: number;
  text: string;
}

export interface Segment {
  start: number;
  end: number;
}

export interface Lexicon {
  language: 'zh' | 'en';
  patterns: readonly CuePattern[];
  /** Contrast words ("但", "provided that") that start a new scope for negations and duties. */
  contrast: RegExp;
  /**
   * Where one phrase of a clause ends and the next begins (commas, 、, and/or, 也/并): an
   * exemption word (counterfeit, data, 区域) only governs the phrase it stands in, so that
   * "不得在其他平台开店，也不得售假" is not excused by the 售假 of its second half.
   */
  phraseBreak: RegExp;
  /** Maximum distance between a channel verb and the rival it applies to. */
  verbRivalWindow: number;
  /** Maximum distance between a price word and its comparison. */
  priceComparatorWindow: number;
  /** Whether a cue may start at this offset of the normalised text (a word boundary). */
  acceptStart?: (text: string) => (offset: number) => boolean;
  /** The classes acceptStart applies to (short function words that hide inside longer words). */
  boundaryClasses?: ReadonlySet<CueClass>;
}

/** Duties that a negation around them takes back ("不得限制", "shall not require"). */
const MASKED_BY_NEGATION: ReadonlySet<CueClass> = new Set(['prohibit', 'commit_not', 'oblige']);

/** Full-width forms to ASCII (，→ , ；→ ; ：→ : ３→ 3) and lower case, so one pattern fits all spellings. */
export function normalizeClause(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export class ClauseView {
  readonly segments: Segment[];
  /** The clause cut at lexicon.phraseBreak, in order, covering the whole text. */
  readonly phrases: Segment[];
  readonly hits: CueHit[];

  constructor(
    readonly text: string,
    readonly lexicon: Lexicon,
  ) {
    this.hits = findCues(text, lexicon);
    this.segments = splitSegments(text, lexicon.contrast);
    this.phrases = splitSegments(text, lexicon.phraseBreak);
  }

  /** The phrases from the one holding `start` to the one holding `end - 1`, as one stretch. */
  phraseSpan(start: number, end: number): Segment {
    const first = this.phrases.find((p) => start >= p.start && start < p.end) ?? this.phrases[0];
    const last = this.phrases.find((p) => end - 1 >= p.start && end - 1 < p.end) ?? this.phrases[this.phrases.length - 1];
    return { start: first.start, end: Math.max(first.end, last.end) };
  }

  /** Whether a cue of this class starts inside the stretch. */
  hasWithin(cls: CueClass, stretch: Segment): boolean {
    return this.hits.some((h) => h.cls === cls && h.start >= stretch.start && h.start < stretch.end);
  }

  has(cls: CueClass): boolean {
    return this.hits.some((h) => h.cls === cls);
  }

  all(cls: CueClass): CueHit[] {
    return this.hits.filter((h) => h.cls === cls);
  }

  /** Cues of a class inside one segment. */
  in(cls: CueClass, segment: Segment): CueHit[] {
    return this.hits.filter((h) => h.cls === cls && h.start >= segment.start && h.start < segment.end);
  }

  segmentOf(offset: number): Segment {
    return this.segments.find((s) => offset >= s.start && offset < s.end) ?? this.segments[this.segments.length - 1];
  }

  /**
   * A negation earlier in the same segment takes back this cue ("不要求…独家", "nothing ... shall
   * restrict"); a denial anywhere in the segment does too ("…被要求关闭其他平台店铺，平台从未提出").
   */
  negated(hit: CueHit): boolean {
    const segment = this.segmentOf(hit.start);
    return this.hits.some(
      (n) =>
        n !== hit &&
        n.start >= segment.start &&
        n.start < segment.end &&
        ((n.cls === 'negation' && n.start <= hit.start) || n.cls === 'denial'),
    );
  }

  /** Distance between two cues (0 when they overlap or touch). */
  static gap(a: CueHit, b: CueHit): number {
    return Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end));
  }
}

export function findCues(text: string, lexicon: Lexicon): CueHit[] {
  const atBoundary = lexicon.acceptStart?.(text) ?? (() => true);
  const hits: CueHit[] = [];
  for (const { cls, re } of lexicon.patterns) {
    const accept = lexicon.boundaryClasses?.has(cls) ? atBoundary : () => true;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0 || !accept(m.index)) {
        // Retry one character later: a match rejected mid-word (低价 in 更低价格) must not hide
        // the word that starts inside it (价格).
        re.lastIndex = m.index + 1;
        continue;
      }
      hits.push({
        cls,
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
      });
    }
  }
  const negations = hits.filter((h) => h.cls === 'negation');
  return hits
    .filter((h) => !MASKED_BY_NEGATION.has(h.cls) || !negations.some((n) => h.start < n.end && n.start < h.end))
    .sort((a, b) => a.start - b.start || b.end - a.end || a.cls.localeCompare(b.cls));
}

function splitSegments(text: string, contrast: RegExp): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  const re = new RegExp(contrast.source, contrast.flags.includes('g') ? contrast.flags : `${contrast.flags}g`);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > start) segments.push({ start, end: m.index });
    start = m.index;
    if (m[0].length === 0) re.lastIndex++;
  }
  segments.push({ start, end: Math.max(text.length, start + 1) });
  return segments;
}
