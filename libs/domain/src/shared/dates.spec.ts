import { isIsoDate, todayIso } from './dates';

describe('isIsoDate', () => {
  it.each(['2026-01-31', '2024-02-29', '1999-12-01'])('accepts %s', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2026-02-30', '2023-02-29', '2026-13-01', '2026-1-01', '2026-01-01T00:00:00Z', '', '20260101'])('refuses %s', (d) =>
    expect(isIsoDate(d)).toBe(false),
  );
  it('gives today in UTC', () => expect(todayIso(new Date('2026-11-29T23:30:00-05:00'))).toBe('2026-11-30'));
});
