"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ENTITIES = void 0;
const event_entity_1 = require("./activity/event.entity");
const benchmark_entity_1 = require("./benchmark/benchmark.entity");
const refresh_token_entity_1 = require("./identity/refresh-token.entity");
const user_entity_1 = require("./identity/user.entity");
const consortium_milestone_entity_1 = require("./programme/consortium-milestone.entity");
const invitation_entity_1 = require("./programme/invitation.entity");
const membership_entity_1 = require("./programme/membership.entity");
const organisation_entity_1 = require("./programme/organisation.entity");
const participant_entity_1 = require("./programme/participant.entity");
const programme_entity_1 = require("./programme/programme.entity");
exports.ENTITIES = [
    user_entity_1.User,
    refresh_token_entity_1.RefreshToken,
    organisation_entity_1.Organisation,
    programme_entity_1.Programme,
    participant_entity_1.Participant,
    membership_entity_1.Membership,
    invitation_entity_1.Invitation,
    consortium_milestone_entity_1.ConsortiumMilestone,
    benchmark_entity_1.Benchmark,
    event_entity_1.EventRecord,
];
//# sourceMappingURL=entities.js.map