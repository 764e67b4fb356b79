import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLUMN_TYPES, TABLES } from './report-tables';

const dictionary = readFileSync(join(__dirname, '../../../../docs/funder-report.md'), 'utf8');

describe('the column dictionary (docs/funder-report.md)', () => {
  const rows = TABLES.flatMap((table) =>
    table.columns.map(
      (c) => [table.sheet.en, c.header.en, c.header.fr, c.meaning.en, COLUMN_TYPES[c.type].en] as const,
    ),
  );

  it.each(rows)('%s: documents "%s" (%s) with its meaning and type', (_sheet, en, fr, meaning, type) => {
    const line = dictionary
      .split('\n')
      .map((l) => l.split('|').map((cell) => cell.trim()))
      .find((cells) => cells[1] === en && cells[2] === fr && cells[3] === meaning);
    expect(line).toBeDefined();
    expect(line![4]).toBe(type);
  });

  it('has a section per sheet, in both languages', () => {
    for (const table of TABLES) expect(dictionary).toContain(`### ${table.sheet.en} (${table.sheet.fr})`);
  });
});
