import type { EntityManager } from '@mikro-orm/postgresql';
import { loadCatalogue } from '@citymentor/benchmarks';
import { ConsortiumMilestone, Membership, Organisation, Participant, Programme, User } from '@citymentor/domain';
import {
  DEMO_ACCOUNTS,
  DEMO_ORGANISATIONS,
  DemoCalendar,
  demoConsortiumMilestones,
  demoProgramme,
} from './demo-consortium';
import { seedDemoMentoring } from './demo-mentoring';

/**
 * Seeds the demo consortium, but only into an empty installation (no users at all): demo data is
 * never written over real data. Its dates are placed around `now` (the day it is seeded). Returns
 * false when it did nothing.
 */
export async function seedDemo(em: EntityManager, passwordHash: string, now = new Date()): Promise<boolean> {
  if ((await em.count(User, {})) > 0) return false;

  // One transaction: the demo is there whole or not at all.
  await em.transactional(async (tx) => {
    const organisations = new Map(DEMO_ORGANISATIONS.map((o) => [o.name, new Organisation(o.name, o.kind, o.country)]));
    const coordinator = organisations.get('EUROCITIES')!;
    const calendar = new DemoCalendar(now);
    const period = demoProgramme(calendar);
    const programme = new Programme(period.name, period.startDate, period.endDate, coordinator, period.description);
    tx.persist([...organisations.values(), programme]);
    for (const organisation of organisations.values()) tx.persist(new Participant(programme, organisation));

    const memberOf = new Map<string, User>();
    for (const account of DEMO_ACCOUNTS) {
      const user = new User(account.email, account.name, passwordHash);
      user.isAdmin = account.isAdmin ?? false;
      tx.persist(user);
      if (account.organisation && account.role) {
        tx.persist(new Membership(user, programme, organisations.get(account.organisation)!, account.role));
        memberOf.set(account.organisation, user);
      }
    }
    for (const m of demoConsortiumMilestones(calendar, period.endDate)) {
      const milestone = new ConsortiumMilestone(programme, m.title, m.dueDate);
      milestone.status = m.status;
      tx.persist(milestone);
    }
    const benchmark = loadCatalogue().find((b) => b.code === 'migrant-entrepreneurs');
    const history = benchmark
      ? seedDemoMentoring(tx, calendar, programme, organisations, benchmark, (city) => memberOf.get(city)!)
      : null;
    await tx.flush();
    await history?.write(tx);
  });
  return true;
}
