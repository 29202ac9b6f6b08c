import { csvCell, csvRow } from './csv-cell';

describe('csvCell', () => {
  it.each(['=SUM(A1:A9)', '+1+1', '-2+3', '@cmd', '\tTAB', '\rCR'])('neutralises %j so a spreadsheet shows it as text', (v) => {
    const cell = csvCell(v);
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
    expect(cell).toContain(v.slice(1));
  });

  it('leaves ordinary text, numbers and JSON alone, and quotes what RFC 4180 requires', () => {
    expect(csvCell('q-1001')).toBe('q-1001');
    expect(csvCell(12)).toBe('12');
    expect(csvCell({ a: '1,2' })).toBe('"{""a"":""1,2""}"');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', '=1', 'b"c'])).toBe(`a,'=1,"b""c"`);
  });
});
