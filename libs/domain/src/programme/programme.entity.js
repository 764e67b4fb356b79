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
var Programme_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.Programme = void 0;
const core_1 = require("@mikro-orm/core");
const node_crypto_1 = require("node:crypto");
const domain_error_1 = require("../shared/domain-error");
const organisation_entity_1 = require("./organisation.entity");
let Programme = Programme_1 = class Programme {
    id = (0, node_crypto_1.randomUUID)();
    name;
    description = '';
    startDate;
    endDate;
    coordinatorOrganisation;
    createdAt = new Date();
    constructor(name, startDate, endDate, coordinatorOrganisation, description = '') {
        this.name = name.trim();
        this.description = description;
        this.coordinatorOrganisation = coordinatorOrganisation;
        this.startDate = startDate;
        this.endDate = endDate;
        Programme_1.assertPeriod(startDate, endDate);
    }
    static assertPeriod(startDate, endDate) {
        if (endDate < startDate) {
            throw new domain_error_1.DomainError('VALIDATION_FAILED', 'endDate must not be before startDate', [
                { path: 'endDate', message: 'endDate must not be before startDate' },
            ]);
        }
    }
};
exports.Programme = Programme;
__decorate([
    (0, core_1.PrimaryKey)({ type: 'uuid' }),
    __metadata("design:type", String)
], Programme.prototype, "id", void 0);
__decorate([
    (0, core_1.Property)({ type: 'string', length: 200 }),
    __metadata("design:type", String)
], Programme.prototype, "name", void 0);
__decorate([
    (0, core_1.Property)({ type: 'text' }),
    __metadata("design:type", Object)
], Programme.prototype, "description", void 0);
__decorate([
    (0, core_1.Property)({ type: 'date' }),
    __metadata("design:type", String)
], Programme.prototype, "startDate", void 0);
__decorate([
    (0, core_1.Property)({ type: 'date' }),
    __metadata("design:type", String)
], Programme.prototype, "endDate", void 0);
__decorate([
    (0, core_1.ManyToOne)(() => organisation_entity_1.Organisation),
    __metadata("design:type", organisation_entity_1.Organisation)
], Programme.prototype, "coordinatorOrganisation", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz' }),
    __metadata("design:type", Object)
], Programme.prototype, "createdAt", void 0);
exports.Programme = Programme = Programme_1 = __decorate([
    (0, core_1.Entity)({ tableName: 'programmes' }),
    __metadata("design:paramtypes", [String, String, String, organisation_entity_1.Organisation, Object])
], Programme);
//# sourceMappingURL=programme.entity.js.map