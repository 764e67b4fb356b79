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
exports.Participant = void 0;
const core_1 = require("@mikro-orm/core");
const node_crypto_1 = require("node:crypto");
const organisation_entity_1 = require("./organisation.entity");
const programme_entity_1 = require("./programme.entity");
let Participant = class Participant {
    id = (0, node_crypto_1.randomUUID)();
    programme;
    organisation;
    joinedAt = new Date();
    constructor(programme, organisation) {
        this.programme = programme;
        this.organisation = organisation;
    }
};
exports.Participant = Participant;
__decorate([
    (0, core_1.PrimaryKey)({ type: 'uuid' }),
    __metadata("design:type", String)
], Participant.prototype, "id", void 0);
__decorate([
    (0, core_1.ManyToOne)(() => programme_entity_1.Programme, { deleteRule: 'cascade' }),
    __metadata("design:type", programme_entity_1.Programme)
], Participant.prototype, "programme", void 0);
__decorate([
    (0, core_1.ManyToOne)(() => organisation_entity_1.Organisation),
    __metadata("design:type", organisation_entity_1.Organisation)
], Participant.prototype, "organisation", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz' }),
    __metadata("design:type", Object)
], Participant.prototype, "joinedAt", void 0);
exports.Participant = Participant = __decorate([
    (0, core_1.Entity)({ tableName: 'programme_participants' }),
    (0, core_1.Unique)({ properties: ['programme', 'organisation'] }),
    __metadata("design:paramtypes", [programme_entity_1.Programme, organisation_entity_1.Organisation])
], Participant);
//# sourceMappingURL=participant.entity.js.map