/** A chart as data: what the dossier plots, before it becomes SVG. */
export interface ChartPoint {
  x: number | string;
  y: number;
}

export interface ChartSeries {
  name: string;
  /** `line` joins points in x order, `points` marks them, `rule` is one horizontal level, `bar` one bar per x. */
  kind: 'line' | 'points' | 'rule' | 'bar';
  points: ChartPoint[];
}

export interface Chart {
  title_en: string;
  title_zh: string;
  /** `time`: x is epoch milliseconds; `category`: x is a label. */
  x: 'time' | 'category';
  y_label: string;
  series: ChartSeries[];
}

/** Keeps at most `max` points of a series by thinning evenly, so a chart of 100,000 rows stays small. */
export class ThinnedSeries {
  private points: ChartPoint[] = [];
  private stride = 1;
  private seen = 0;

  constructor(
    readonly name: string,
    readonly kind: ChartSeries['kind'],
    private readonly max = 400,
  ) {}

  add(point: ChartPoint): void {
    if (this.seen++ % this.stride !== 0) return;
    this.points.push(point);
    if (this.points.length > this.max) {
      this.points = this.points.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
    }
  }

  toSeries(): ChartSeries {
    return { name: this.name, kind: this.kind, points: this.points };
  }
}
