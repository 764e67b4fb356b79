import { csvField, toCsvLine } from './report-csv';

describe('CSV fields (RFC 4180)', () => {
  it('quotes a field with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('Λευκωσία')).toBe('Λευκωσία');
    expect(csvField(null)).toBe('');
    expect(toCsvLine(['x', 3, true, undefined])).toBe('x,3,true,');
  });
});
