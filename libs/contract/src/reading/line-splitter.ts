export interface PhysicalLine {
  line: number;
  text: string;
}

/**
 * Cuts decoded text chunks into lines. Line numbers are physical (1-based, blank lines
 * included) so that a rejection points where an editor does; blank lines themselves are not
 * returned. A UTF-8 BOM at the start of the file and the CR of CRLF endings are dropped.
 * Works a chunk at a time (synchronously) because a per-line async step is the costliest part
 * of reading a million lines.
 */
export class LineSplitter {
  private pending = '';
  private lineNumber = 0;

  push(chunk: string): PhysicalLine[] {
    const text = this.pending + chunk;
    const lines: PhysicalLine[] = [];
    let start = 0;
    let newline = text.indexOf('\n', start);
    while (newline !== -1) {
      this.take(text, start, newline, lines);
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    this.pending = text.slice(start);
    return lines;
  }

  /** The last line, when the file does not end with a newline. */
  end(): PhysicalLine[] {
    const lines: PhysicalLine[] = [];
    if (this.pending.length > 0) this.take(this.pending, 0, this.pending.length, lines);
    this.pending = '';
    return lines;
  }

  /** Lines seen so far, blank ones included. */
  get linesSeen(): number {
    return this.lineNumber;
  }

  private take(text: string, start: number, end: number, into: PhysicalLine[]): void {
    this.lineNumber += 1;
    if (end > start && text.charCodeAt(end - 1) === 13) end -= 1;
    if (this.lineNumber === 1 && text.charCodeAt(start) === 0xfeff) start += 1;
    const line = text.slice(start, end);
    if (isBlank(line)) return;
    into.push({ line: this.lineNumber, text: line });
  }
}

function isBlank(line: string): boolean {
  if (line.length === 0) return true;
  const first = line.charCodeAt(0);
  // A line starting with a printable ASCII character is not blank: skip the costlier trim.
  if (first > 32 && first < 127) return false;
  return line.trim().length === 0;
}
