const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?Z$/;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number) =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * True for a real calendar date written `YYYY-MM-DD`, years 0001 to 9999: no 30 February, no month 13,
 * no year 0000 (the Gregorian calendar has none, and Postgres refuses it).
 */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [+m[1], +m[2], +m[3]];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** True for a real UTC instant written `YYYY-MM-DDTHH:MM:SS[.ffffff]Z` (the form the API writes), date as in `isIsoDate`. */
export function isIsoInstant(value: string): boolean {
  const m = INSTANT.exec(value);
  return !!m && isIsoDate(m[1]) && +m[2] < 24 && +m[3] < 60 && +m[4] < 60;
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export const todayIso = (now: Date = new Date()) => now.toISOString().slice(0, 10);
