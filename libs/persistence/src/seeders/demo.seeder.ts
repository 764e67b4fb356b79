import type { EntityManager } from '@mikro-orm/postgresql';
import { loadCatalogue } from '@citymentor/benchmarks';
import { ConsortiumMilestone, Membership, Organisation, Participant, Programme, User } from '@citymentor/domain';
import { DEMO_ACCOUNTS, DEMO_CONSORTIUM_MILESTONES, DEMO_ORGANISATIONS, DEMO_PROGRAMME } from './demo-consortium';
import { seedDemoMentoring } from './demo-mentoring';

/**
 * Seeds the demo consortium, but only into an empty installation (no users at all): demo data is
 * never written over real data. Returns false when it did nothing.
 */
export async function seedDemo(em: EntityManager, passwordHash: string): Promise<boolean> {
  if ((await em.count(User, {})) > 0) return false;

  const organisations = new Map(DEMO_ORGANISATIONS.map((o) => [o.name, new Organisation(o.name, o.kind, o.country)]));
  const coordinator = organisations.get('EUROCITIES')!;
  const programme = new Programme(DEMO_PROGRAMME.name, DEMO_PROGRAMME.startDate, DEMO_PROGRAMME.endDate, coordinator, DEMO_PROGRAMME.description);
  em.persist([...organisations.values(), programme]);
  for (const organisation of organisations.values()) em.persist(new Participant(programme, organisation));

  const memberOf = new Map<string, User>();
  for (const account of DEMO_ACCOUNTS) {
    const user = new User(account.email, account.name, passwordHash);
    user.isAdmin = account.isAdmin ?? false;
    em.persist(user);
    if (account.organisation && account.role) {
      em.persist(new Membership(user, programme, organisations.get(account.organisation)!, account.role));
      memberOf.set(account.organisation, user);
    }
  }
  for (const m of DEMO_CONSORTIUM_MILESTONES) {
    const milestone = new ConsortiumMilestone(programme, m.title, m.dueDate);
    milestone.status = m.status;
    em.persist(milestone);
  }
  const benchmark = loadCatalogue().find((b) => b.code === 'migrant-entrepreneurs');
  if (benchmark) seedDemoMentoring(em, programme, organisations, benchmark, (city) => memberOf.get(city)!);
  await em.flush();
  return true;
}
