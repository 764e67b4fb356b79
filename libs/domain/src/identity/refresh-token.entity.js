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
exports.RefreshToken = void 0;
const core_1 = require("@mikro-orm/core");
const node_crypto_1 = require("node:crypto");
const user_entity_1 = require("./user.entity");
let RefreshToken = class RefreshToken {
    id = (0, node_crypto_1.randomUUID)();
    user;
    familyId;
    secretHash;
    expiresAt;
    createdAt = new Date();
    rotatedAt;
    revokedAt;
    constructor(user, familyId, secretHash, expiresAt) {
        this.user = user;
        this.familyId = familyId;
        this.secretHash = secretHash;
        this.expiresAt = expiresAt;
    }
    isUsable(now) {
        return !this.rotatedAt && !this.revokedAt && this.expiresAt > now;
    }
};
exports.RefreshToken = RefreshToken;
__decorate([
    (0, core_1.PrimaryKey)({ type: 'uuid' }),
    __metadata("design:type", String)
], RefreshToken.prototype, "id", void 0);
__decorate([
    (0, core_1.ManyToOne)(() => user_entity_1.User, { deleteRule: 'cascade' }),
    __metadata("design:type", user_entity_1.User)
], RefreshToken.prototype, "user", void 0);
__decorate([
    (0, core_1.Property)({ type: 'uuid' }),
    __metadata("design:type", String)
], RefreshToken.prototype, "familyId", void 0);
__decorate([
    (0, core_1.Property)({ type: 'string', length: 64, hidden: true }),
    __metadata("design:type", String)
], RefreshToken.prototype, "secretHash", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], RefreshToken.prototype, "expiresAt", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz' }),
    __metadata("design:type", Object)
], RefreshToken.prototype, "createdAt", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Date)
], RefreshToken.prototype, "rotatedAt", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Date)
], RefreshToken.prototype, "revokedAt", void 0);
exports.RefreshToken = RefreshToken = __decorate([
    (0, core_1.Entity)({ tableName: 'refresh_tokens' }),
    (0, core_1.Index)({ properties: ['familyId'] }),
    __metadata("design:paramtypes", [user_entity_1.User, String, String, Date])
], RefreshToken);
//# sourceMappingURL=refresh-token.entity.js.map