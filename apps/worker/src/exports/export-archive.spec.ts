import { strFromU8, unzipSync } from 'fflate';
import { exportArchive, exportReadme, isoTimes } from './export-archive';

describe('the data export archive', () => {
  it('writes times as ISO 8601 in UTC, in the keys that hold times only', () => {
    expect(isoTimes('createdAt', '2026-12-06 14:22:25.516+00')).toBe('2026-12-06T14:22:25.516Z');
    expect(isoTimes('at', '2026-12-06T16:22:25.517191+02:00')).toBe('2026-12-06T14:22:25.517Z');
    expect(isoTimes('body', '2026-12-06 14:22:25.516+00')).toBe('2026-12-06 14:22:25.516+00');
    expect(isoTimes('dueDate', '2030-06-30')).toBe('2030-06-30');
    expect(isoTimes('readAt', null)).toBeNull();
  });

  it('opens with a README naming each file and what it holds, then one JSON file per kind', () => {
    const files = [
      { file: 'profile.json', holds: 'Your account.', content: { name: 'Ana', createdAt: '2026-01-01 00:00:00+00' } },
      { file: 'comments.json', holds: 'Your comments.', content: [] },
    ];
    const readme = exportReadme(files, { name: 'Ana', email: 'ana@example.eu' }, new Date('2026-12-06T10:00:00Z'));
    expect(readme).toContain('ana@example.eu');
    expect(readme).toMatch(/profile\.json\s+Your account\./);
    expect(readme).toMatch(/comments\.json\s+Your comments\./);
    const zip = unzipSync(exportArchive(files, readme));
    expect(Object.keys(zip)).toEqual(['README.txt', 'profile.json', 'comments.json']);
    expect(JSON.parse(strFromU8(zip['profile.json']))).toEqual({ name: 'Ana', createdAt: '2026-01-01T00:00:00.000Z' });
  });
});
