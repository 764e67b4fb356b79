"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.seedDemo = seedDemo;
const domain_1 = require("../../../domain/src");
const demo_consortium_1 = require("./demo-consortium");
async function seedDemo(em, passwordHash) {
    if ((await em.count(domain_1.User, {})) > 0)
        return false;
    const organisations = new Map(demo_consortium_1.DEMO_ORGANISATIONS.map((o) => [o.name, new domain_1.Organisation(o.name, o.kind, o.country)]));
    const coordinator = organisations.get('EUROCITIES');
    const programme = new domain_1.Programme(demo_consortium_1.DEMO_PROGRAMME.name, demo_consortium_1.DEMO_PROGRAMME.startDate, demo_consortium_1.DEMO_PROGRAMME.endDate, coordinator, demo_consortium_1.DEMO_PROGRAMME.description);
    em.persist([...organisations.values(), programme]);
    for (const organisation of organisations.values())
        em.persist(new domain_1.Participant(programme, organisation));
    for (const account of demo_consortium_1.DEMO_ACCOUNTS) {
        const user = new domain_1.User(account.email, account.name, passwordHash);
        user.isAdmin = account.isAdmin ?? false;
        em.persist(user);
        if (account.organisation && account.role) {
            em.persist(new domain_1.Membership(user, programme, organisations.get(account.organisation), account.role));
        }
    }
    for (const m of demo_consortium_1.DEMO_CONSORTIUM_MILESTONES) {
        const milestone = new domain_1.ConsortiumMilestone(programme, m.title, m.dueDate);
        milestone.status = m.status;
        em.persist(milestone);
    }
    await em.flush();
    return true;
}
//# sourceMappingURL=demo.seeder.js.map