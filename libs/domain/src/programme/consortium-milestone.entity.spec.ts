import { DomainError } from '../shared/domain-error';
import { ConsortiumMilestone } from './consortium-milestone.entity';
import { Organisation } from './organisation.entity';
import { Programme } from './programme.entity';

const programme = () => new Programme('P', '2026-01-01', '2026-12-31', new Organisation('Network', 'network', 'be'));

describe('Programme', () => {
  it('refuses a period that ends before it starts, naming endDate', () => {
    expect(() => new Programme('P', '2026-02-01', '2026-01-31', new Organisation('N', 'network', 'BE'))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'endDate' })] }),
    );
  });

  it('upper-cases the coordinator country', () => {
    expect(programme().coordinatorOrganisation.country).toBe('BE');
  });
});

describe('ConsortiumMilestone', () => {
  it('applies changes made against the current version, leaving unset fields alone', () => {
    const m = new ConsortiumMilestone(programme(), 'Final report', '2026-12-01', 'To the funder');
    m.update(1, { status: 'done', title: undefined });
    expect(m).toMatchObject({ status: 'done', title: 'Final report', description: 'To the funder' });
  });

  it('refuses a change made against a stale version, reporting the current one', () => {
    const m = new ConsortiumMilestone(programme(), 'Final report', '2026-12-01');
    m.version = 3;
    let error: unknown;
    try {
      m.update(2, { title: 'Overwritten' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 3 } });
    expect(m.title).toBe('Final report');
  });
});
