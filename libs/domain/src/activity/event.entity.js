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
exports.EventRecord = void 0;
const core_1 = require("@mikro-orm/core");
let EventRecord = class EventRecord {
    seq;
    room;
    type;
    payload;
    actorId;
    programmeId;
    at = new Date();
    publishedAt;
    constructor(args) {
        Object.assign(this, args);
    }
};
exports.EventRecord = EventRecord;
__decorate([
    (0, core_1.PrimaryKey)({ type: 'bigint', autoincrement: true }),
    __metadata("design:type", Object)
], EventRecord.prototype, "seq", void 0);
__decorate([
    (0, core_1.Property)({ type: 'string', length: 100 }),
    __metadata("design:type", String)
], EventRecord.prototype, "room", void 0);
__decorate([
    (0, core_1.Property)({ type: 'string', length: 64 }),
    __metadata("design:type", String)
], EventRecord.prototype, "type", void 0);
__decorate([
    (0, core_1.Property)({ type: 'json' }),
    __metadata("design:type", Object)
], EventRecord.prototype, "payload", void 0);
__decorate([
    (0, core_1.Property)({ type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], EventRecord.prototype, "actorId", void 0);
__decorate([
    (0, core_1.Property)({ type: 'uuid', nullable: true, index: true }),
    __metadata("design:type", Object)
], EventRecord.prototype, "programmeId", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz' }),
    __metadata("design:type", Object)
], EventRecord.prototype, "at", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Date)
], EventRecord.prototype, "publishedAt", void 0);
exports.EventRecord = EventRecord = __decorate([
    (0, core_1.Entity)({ tableName: 'events' }),
    (0, core_1.Index)({ properties: ['room', 'seq'] }),
    __metadata("design:paramtypes", [Object])
], EventRecord);
//# sourceMappingURL=event.entity.js.map