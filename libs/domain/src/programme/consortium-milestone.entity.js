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
exports.ConsortiumMilestone = void 0;
const core_1 = require("@mikro-orm/core");
const node_crypto_1 = require("node:crypto");
const domain_error_1 = require("../shared/domain-error");
const programme_entity_1 = require("./programme.entity");
let ConsortiumMilestone = class ConsortiumMilestone {
    id = (0, node_crypto_1.randomUUID)();
    programme;
    title;
    description = '';
    dueDate;
    status = 'planned';
    version = 1;
    createdAt = new Date();
    updatedAt = new Date();
    constructor(programme, title, dueDate, description = '') {
        this.programme = programme;
        this.title = title.trim();
        this.dueDate = dueDate;
        this.description = description;
    }
    update(expectedVersion, changes) {
        if (expectedVersion !== this.version)
            throw (0, domain_error_1.staleVersion)(this.version);
        Object.assign(this, changes);
    }
};
exports.ConsortiumMilestone = ConsortiumMilestone;
__decorate([
    (0, core_1.PrimaryKey)({ type: 'uuid' }),
    __metadata("design:type", String)
], ConsortiumMilestone.prototype, "id", void 0);
__decorate([
    (0, core_1.ManyToOne)(() => programme_entity_1.Programme, { deleteRule: 'cascade' }),
    __metadata("design:type", programme_entity_1.Programme)
], ConsortiumMilestone.prototype, "programme", void 0);
__decorate([
    (0, core_1.Property)({ type: 'string', length: 200 }),
    __metadata("design:type", String)
], ConsortiumMilestone.prototype, "title", void 0);
__decorate([
    (0, core_1.Property)({ type: 'text' }),
    __metadata("design:type", Object)
], ConsortiumMilestone.prototype, "description", void 0);
__decorate([
    (0, core_1.Property)({ type: 'date' }),
    __metadata("design:type", String)
], ConsortiumMilestone.prototype, "dueDate", void 0);
__decorate([
    (0, core_1.Enum)({ items: ['planned', 'in-progress', 'done', 'blocked'], type: 'string', length: 16 }),
    __metadata("design:type", Object)
], ConsortiumMilestone.prototype, "status", void 0);
__decorate([
    (0, core_1.Property)({ type: 'integer', version: true }),
    __metadata("design:type", Object)
], ConsortiumMilestone.prototype, "version", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz' }),
    __metadata("design:type", Object)
], ConsortiumMilestone.prototype, "createdAt", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz', onUpdate: () => new Date() }),
    __metadata("design:type", Object)
], ConsortiumMilestone.prototype, "updatedAt", void 0);
exports.ConsortiumMilestone = ConsortiumMilestone = __decorate([
    (0, core_1.Entity)({ tableName: 'consortium_milestones' }),
    (0, core_1.Index)({ properties: ['programme', 'dueDate'] }),
    __metadata("design:paramtypes", [programme_entity_1.Programme, String, String, Object])
], ConsortiumMilestone);
//# sourceMappingURL=consortium-milestone.entity.js.map