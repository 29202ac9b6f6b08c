import { LineSplitter } from './line-splitter';

function split(chunks: string[]): { line: number; text: string }[] {
  const splitter = new LineSplitter();
  return [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()];
}

describe('LineSplitter', () => {
  it('numbers physical lines, skipping blank ones without renumbering', () => {
    expect(split(['a\n\n  \nb\n'])).toEqual([
      { line: 1, text: 'a' },
      { line: 4, text: 'b' },
    ]);
  });

  it('joins lines cut across chunks, including a CRLF cut between CR and LF', () => {
    expect(split(['{"a":', '1}\r', '\n{"b"', ':2}\r\n'])).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '{"b":2}' },
    ]);
  });

  it('drops a BOM at the start of the file only', () => {
    expect(split(['\ufeffx\n\ufeffy'])).toEqual([
      { line: 1, text: 'x' },
      { line: 2, text: '\ufeffy' },
    ]);
  });

  it('keeps a last line without newline', () => {
    expect(split(['a\nb'])).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
    ]);
  });
});
