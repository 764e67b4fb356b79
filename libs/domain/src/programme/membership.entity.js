"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.Membership = void 0;
const core_1 = require("@mikro-orm/core");
const node_crypto_1 = require("node:crypto");
const user_entity_1 = require("../identity/user.entity");
const organisation_entity_1 = require("./organisation.entity");
const programme_entity_1 = require("./programme.entity");
let Membership = class Membership {
    id = (0, node_crypto_1.randomUUID)();
    user;
    programme;
    organisation;
    role;
    createdAt = new Date();
    constructor(user, programme, organisation, role) {
        this.user = user;
        this.programme = programme;
        this.organisation = organisation;
        this.role = role;
    }
};
exports.Membership = Membership;
__decorate([
    (0, core_1.PrimaryKey)({ type: 'uuid' }),
    __metadata("design:type", String)
], Membership.prototype, "id", void 0);
__decorate([
    (0, core_1.ManyToOne)(() => user_entity_1.User, { deleteRule: 'cascade' }),
    __metadata("design:type", user_entity_1.User)
], Membership.prototype, "user", void 0);
__decorate([
    (0, core_1.ManyToOne)(() => programme_entity_1.Programme, { deleteRule: 'cascade' }),
    __metadata("design:type", programme_entity_1.Programme)
], Membership.prototype, "programme", void 0);
__decorate([
    (0, core_1.ManyToOne)(() => organisation_entity_1.Organisation),
    __metadata("design:type", organisation_entity_1.Organisation)
], Membership.prototype, "organisation", void 0);
__decorate([
    (0, core_1.Enum)({ items: ['coordinator', 'expert', 'city-member'], type: 'string', length: 16 }),
    __metadata("design:type", String)
], Membership.prototype, "role", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz' }),
    __metadata("design:type", Object)
], Membership.prototype, "createdAt", void 0);
exports.Membership = Membership = __decorate([
    (0, core_1.Entity)({ tableName: 'memberships' }),
    (0, core_1.Unique)({ properties: ['user', 'programme'] }),
    (0, core_1.Index)({ properties: ['programme', 'organisation'] }),
    __metadata("design:paramtypes", [user_entity_1.User, programme_entity_1.Programme, organisation_entity_1.Organisation, String])
], Membership);
//# sourceMappingURL=membership.entity.js.map