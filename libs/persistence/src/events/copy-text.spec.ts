import { copyBytea, copyRow, copyValue } from './copy-text';

describe('COPY text encoding', () => {
  it('escapes the characters COPY treats specially and leaves the rest', () => {
    expect(copyValue('plain 文本')).toBe('plain 文本');
    expect(copyValue('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue(42)).toBe('42');
  });

  it('writes bytea as escaped hex and rows tab-separated', () => {
    expect(copyBytea('00ff')).toBe('\\\\x00ff');
    expect(copyRow(['a', 'b'])).toBe('a\tb\n');
  });
});
