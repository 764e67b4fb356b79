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
exports.Invitation = void 0;
const core_1 = require("@mikro-orm/core");
const node_crypto_1 = require("node:crypto");
const domain_error_1 = require("../shared/domain-error");
const user_entity_1 = require("../identity/user.entity");
const organisation_entity_1 = require("./organisation.entity");
const programme_entity_1 = require("./programme.entity");
let Invitation = class Invitation {
    id = (0, node_crypto_1.randomUUID)();
    programme;
    organisation;
    email;
    role;
    tokenHash;
    invitedBy;
    expiresAt;
    acceptedAt;
    createdAt = new Date();
    constructor(args) {
        Object.assign(this, args);
        this.email = user_entity_1.User.normaliseEmail(args.email);
    }
    accept(now) {
        if (this.acceptedAt)
            throw new domain_error_1.DomainError('CONFLICT', 'This invitation has already been accepted');
        if (this.expiresAt <= now)
            throw new domain_error_1.DomainError('NOT_FOUND', 'This invitation has expired');
        this.acceptedAt = now;
    }
};
exports.Invitation = Invitation;
__decorate([
    (0, core_1.PrimaryKey)({ type: 'uuid' }),
    __metadata("design:type", String)
], Invitation.prototype, "id", void 0);
__decorate([
    (0, core_1.ManyToOne)(() => programme_entity_1.Programme, { deleteRule: 'cascade' }),
    __metadata("design:type", programme_entity_1.Programme)
], Invitation.prototype, "programme", void 0);
__decorate([
    (0, core_1.ManyToOne)(() => organisation_entity_1.Organisation),
    __metadata("design:type", organisation_entity_1.Organisation)
], Invitation.prototype, "organisation", void 0);
__decorate([
    (0, core_1.Property)({ type: 'string', length: 320 }),
    __metadata("design:type", String)
], Invitation.prototype, "email", void 0);
__decorate([
    (0, core_1.Enum)({ items: ['coordinator', 'expert', 'city-member'], type: 'string', length: 16 }),
    __metadata("design:type", String)
], Invitation.prototype, "role", void 0);
__decorate([
    (0, core_1.Property)({ type: 'string', length: 64, hidden: true, unique: true }),
    __metadata("design:type", String)
], Invitation.prototype, "tokenHash", void 0);
__decorate([
    (0, core_1.ManyToOne)(() => user_entity_1.User),
    __metadata("design:type", user_entity_1.User)
], Invitation.prototype, "invitedBy", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], Invitation.prototype, "expiresAt", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Date)
], Invitation.prototype, "acceptedAt", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz' }),
    __metadata("design:type", Object)
], Invitation.prototype, "createdAt", void 0);
exports.Invitation = Invitation = __decorate([
    (0, core_1.Entity)({ tableName: 'invitations' }),
    __metadata("design:paramtypes", [Object])
], Invitation);
//# sourceMappingURL=invitation.entity.js.map