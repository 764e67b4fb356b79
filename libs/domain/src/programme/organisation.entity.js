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
exports.Organisation = void 0;
const core_1 = require("@mikro-orm/core");
const node_crypto_1 = require("node:crypto");
let Organisation = class Organisation {
    id = (0, node_crypto_1.randomUUID)();
    name;
    kind;
    country;
    createdAt = new Date();
    constructor(name, kind, country) {
        this.name = name.trim();
        this.kind = kind;
        this.country = country.toUpperCase();
    }
};
exports.Organisation = Organisation;
__decorate([
    (0, core_1.PrimaryKey)({ type: 'uuid' }),
    __metadata("design:type", String)
], Organisation.prototype, "id", void 0);
__decorate([
    (0, core_1.Property)({ type: 'string', length: 200 }),
    (0, core_1.Unique)(),
    __metadata("design:type", String)
], Organisation.prototype, "name", void 0);
__decorate([
    (0, core_1.Enum)({ items: ['city', 'partner', 'network'], type: 'string', length: 16 }),
    __metadata("design:type", String)
], Organisation.prototype, "kind", void 0);
__decorate([
    (0, core_1.Property)({ type: 'string', length: 2 }),
    __metadata("design:type", String)
], Organisation.prototype, "country", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz' }),
    __metadata("design:type", Object)
], Organisation.prototype, "createdAt", void 0);
exports.Organisation = Organisation = __decorate([
    (0, core_1.Entity)({ tableName: 'organisations' }),
    __metadata("design:paramtypes", [String, String, String])
], Organisation);
//# sourceMappingURL=organisation.entity.js.map