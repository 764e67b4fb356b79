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
var User_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.User = void 0;
const core_1 = require("@mikro-orm/core");
const node_crypto_1 = require("node:crypto");
let User = User_1 = class User {
    id = (0, node_crypto_1.randomUUID)();
    email;
    name;
    passwordHash;
    isAdmin = false;
    createdAt = new Date();
    constructor(email, name, passwordHash) {
        this.email = User_1.normaliseEmail(email);
        this.name = name.trim();
        this.passwordHash = passwordHash;
    }
    static normaliseEmail(email) {
        return email.trim().toLowerCase();
    }
};
exports.User = User;
__decorate([
    (0, core_1.PrimaryKey)({ type: 'uuid' }),
    __metadata("design:type", String)
], User.prototype, "id", void 0);
__decorate([
    (0, core_1.Property)({ type: 'string', length: 320 }),
    (0, core_1.Unique)(),
    __metadata("design:type", String)
], User.prototype, "email", void 0);
__decorate([
    (0, core_1.Property)({ type: 'string', length: 200 }),
    __metadata("design:type", String)
], User.prototype, "name", void 0);
__decorate([
    (0, core_1.Property)({ type: 'string', length: 255, hidden: true, lazy: true }),
    __metadata("design:type", String)
], User.prototype, "passwordHash", void 0);
__decorate([
    (0, core_1.Property)({ type: 'boolean' }),
    __metadata("design:type", Object)
], User.prototype, "isAdmin", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz' }),
    __metadata("design:type", Object)
], User.prototype, "createdAt", void 0);
exports.User = User = User_1 = __decorate([
    (0, core_1.Entity)({ tableName: 'users' }),
    __metadata("design:paramtypes", [String, String, String])
], User);
//# sourceMappingURL=user.entity.js.map