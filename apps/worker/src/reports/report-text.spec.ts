import { reportText } from './report-text';

describe("the report's words", () => {
  it('pluralises by the language’s rules', () => {
    const en = reportText('en');
    const fr = reportText('fr');
    expect([0, 1, 2].map((n) => en.plural('plans', n))).toEqual(['0 plans', '1 plan', '2 plans']);
    expect([0, 1, 2].map((n) => fr.plural('milestones', n))).toEqual(['0 jalon', '1 jalon', '2 jalons']);
    expect(en.plural('daysLate', 1)).toBe('1 day late');
    expect(fr.plural('daysLate', 137)).toBe('137 jours de retard');
  });

  it('writes dates out in the language, the first of the month as French writes it', () => {
    expect(reportText('en').date('2026-01-15')).toBe('15 January 2026');
    expect(reportText('fr').date('2026-01-15')).toBe('15 janvier 2026');
    expect(reportText('fr').date('2026-06-01')).toBe('1er juin 2026');
    expect(reportText('fr').date('2026-06-10')).toBe('10 juin 2026');
  });

  it('says states and statuses in words, and numbers the language’s way', () => {
    expect(reportText('en').planState('changes-requested')).toBe('Changes requested');
    expect(reportText('fr').planState('changes-requested')).toBe('Modifications demandées');
    expect(reportText('fr').workStatus('in-progress')).toBe('En cours');
    expect(reportText('en').yesNo(true)).toBe('yes');
    expect(reportText('fr').yesNo(false)).toBe('non');
    expect(reportText('fr').number(37.5)).toBe('37,5');
    expect(reportText('en').number(1234.5)).toBe('1,234.5');
    expect(reportText('en').percent(40)).toBe('40%');
    expect(reportText('fr').percent(40)).toBe('40\u00a0%');
  });
});
