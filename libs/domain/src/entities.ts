import { EventRecord } from './activity/event.entity';
import { Benchmark } from './benchmark/benchmark.entity';
import { RefreshToken } from './identity/refresh-token.entity';
import { User } from './identity/user.entity';
import { ConsortiumMilestone } from './programme/consortium-milestone.entity';
import { Invitation } from './programme/invitation.entity';
import { Membership } from './programme/membership.entity';
import { Organisation } from './programme/organisation.entity';
import { Participant } from './programme/participant.entity';
import { Programme } from './programme/programme.entity';

/** Every entity, for the ORM configuration of the api, the worker and the CLI. */
export const ENTITIES = [
  User,
  RefreshToken,
  Organisation,
  Programme,
  Participant,
  Membership,
  Invitation,
  ConsortiumMilestone,
  Benchmark,
  EventRecord,
];
