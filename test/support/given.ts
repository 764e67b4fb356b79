import type { Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { checkedAgent } from './openapi-responses';
import type { OrganisationKind, ProgrammeRole } from '@citymentor/contracts';
import { Membership, Organisation, Pair, Participant, Programme, User } from '@citymentor/domain';
import * as argon2 from 'argon2';

export const PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString('hex');

export interface SignedIn {
  user: User;
  token: string;
  refreshToken: string;
}

/** Factories: each builds exactly what a test names, with unique names, straight into the database. */
export class Given {
  constructor(
    private readonly orm: MikroORM,
    private readonly server: Server,
  ) {}

  async user(overrides: { email?: string; name?: string; isAdmin?: boolean } = {}): Promise<User> {
    // Cheap argon2id parameters for test accounts; verification reads them from the hash.
    passwordHash ??= argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
    const user = new User(
      overrides.email ?? `user-${unique()}@example.eu`,
      overrides.name ?? 'Test User',
      await passwordHash,
    );
    user.isAdmin = overrides.isAdmin ?? false;
    await this.orm.em.fork().persistAndFlush(user);
    return user;
  }

  async organisation(
    kind: OrganisationKind = 'city',
    name = `City ${unique()}`,
    country = 'BE',
  ): Promise<Organisation> {
    const organisation = new Organisation(name, kind, country);
    await this.orm.em.fork().persistAndFlush(organisation);
    return organisation;
  }

  /** A programme with its coordinating network, which takes part in it. */
  async programme(
    name = `Programme ${unique()}`,
  ): Promise<{ programme: Programme; coordinatorOrganisation: Organisation }> {
    const em = this.orm.em.fork();
    const coordinatorOrganisation = new Organisation(`Network ${unique()}`, 'network', 'BE');
    const programme = new Programme(name, '2026-01-01', '2027-12-31', coordinatorOrganisation);
    await em.persistAndFlush([coordinatorOrganisation, programme, new Participant(programme, coordinatorOrganisation)]);
    return { programme, coordinatorOrganisation };
  }

  async participant(programme: Programme, organisation: Organisation) {
    const em = this.orm.em.fork();
    await em.persistAndFlush(
      new Participant(em.getReference(Programme, programme.id), em.getReference(Organisation, organisation.id)),
    );
  }

  async member(programme: Programme, organisation: Organisation, role: ProgrammeRole, user?: User): Promise<User> {
    user ??= await this.user();
    const em = this.orm.em.fork();
    await em.persistAndFlush(
      new Membership(
        em.getReference(User, user.id),
        em.getReference(Programme, programme.id),
        em.getReference(Organisation, organisation.id),
        role,
      ),
    );
    return user;
  }

  async signIn(user: User): Promise<SignedIn> {
    const res = await checkedAgent(request(this.server))
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: PASSWORD });
    if (res.status !== 200)
      throw new Error(`sign-in of ${user.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { user, token: res.body.accessToken, refreshToken: res.body.refreshToken };
  }

  /**
   * A programme with one person per role, and an outsider who belongs to another programme:
   * the cast of the authorisation tests.
   */
  async world() {
    const { programme, coordinatorOrganisation } = await this.programme();
    const expertOrganisation = await this.organisation('partner', `Experts ${unique()}`);
    const city = await this.organisation('city');
    const otherCity = await this.organisation('city');
    for (const o of [expertOrganisation, city, otherCity]) await this.participant(programme, o);
    const elsewhere = await this.programme();
    const outsiderCity = await this.organisation('city');
    await this.participant(elsewhere.programme, outsiderCity);

    const [admin, coordinator, expert, cityMember, otherCityMember, outsider] = await Promise.all([
      this.user({ isAdmin: true }).then((u) => this.signIn(u)),
      this.member(programme, coordinatorOrganisation, 'coordinator').then((u) => this.signIn(u)),
      this.member(programme, expertOrganisation, 'expert').then((u) => this.signIn(u)),
      this.member(programme, city, 'city-member').then((u) => this.signIn(u)),
      this.member(programme, otherCity, 'city-member').then((u) => this.signIn(u)),
      this.member(elsewhere.programme, outsiderCity, 'city-member').then((u) => this.signIn(u)),
    ]);
    return {
      programme,
      coordinatorOrganisation,
      expertOrganisation,
      city,
      otherCity,
      elsewhere: elsewhere.programme,
      people: { admin, coordinator, expert, cityMember, otherCityMember, outsider },
    };
  }

  async pair(
    programme: Programme,
    mentor: Organisation,
    mentee: Organisation,
    focusSectionCodes: string[] = [],
  ): Promise<Pair> {
    const em = this.orm.em.fork();
    const pair = new Pair(
      em.getReference(Programme, programme.id),
      'migrant-entrepreneurs',
      em.getReference(Organisation, mentor.id),
      em.getReference(Organisation, mentee.id),
      focusSectionCodes,
    );
    // The constructor compares ids; references carry them.
    await em.persistAndFlush(pair);
    return pair;
  }

  /**
   * A programme with a mentoring pair (mentor city → mentee city) and everyone around it: the
   * coordinator, an expert, a city of another pair in the same programme, an outsider from another
   * programme and the admin. The cast of the mentoring tests.
   */
  async mentoring() {
    const w = await this.world();
    const mentorCity = await this.organisation('city', `Mentor City ${unique()}`, 'FI');
    const thirdCity = await this.organisation('city', `Third City ${unique()}`, 'PT');
    for (const o of [mentorCity, thirdCity]) await this.participant(w.programme, o);
    const pair = await this.pair(w.programme, mentorCity, w.city);
    const otherPair = await this.pair(w.programme, thirdCity, w.otherCity);
    const mentor = await this.signIn(await this.member(w.programme, mentorCity, 'city-member'));
    return {
      ...w,
      menteeCity: w.city,
      mentorCity,
      pair,
      otherPair,
      people: { ...w.people, mentee: w.people.cityMember, mentor, otherCity: w.people.otherCityMember },
    };
  }
}
