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
exports.Benchmark = void 0;
const core_1 = require("@mikro-orm/core");
const node_crypto_1 = require("node:crypto");
let Benchmark = class Benchmark {
    id = (0, node_crypto_1.randomUUID)();
    code;
    title;
    document;
    importedAt = new Date();
    constructor(document) {
        this.code = document.code;
        this.title = document.title;
        this.document = document;
    }
};
exports.Benchmark = Benchmark;
__decorate([
    (0, core_1.PrimaryKey)({ type: 'uuid' }),
    __metadata("design:type", String)
], Benchmark.prototype, "id", void 0);
__decorate([
    (0, core_1.Property)({ type: 'string', length: 100 }),
    (0, core_1.Unique)(),
    __metadata("design:type", String)
], Benchmark.prototype, "code", void 0);
__decorate([
    (0, core_1.Property)({ type: 'string', length: 300 }),
    __metadata("design:type", String)
], Benchmark.prototype, "title", void 0);
__decorate([
    (0, core_1.Property)({ type: 'json' }),
    __metadata("design:type", Object)
], Benchmark.prototype, "document", void 0);
__decorate([
    (0, core_1.Property)({ type: 'timestamptz' }),
    __metadata("design:type", Object)
], Benchmark.prototype, "importedAt", void 0);
exports.Benchmark = Benchmark = __decorate([
    (0, core_1.Entity)({ tableName: 'benchmarks' }),
    __metadata("design:paramtypes", [Object])
], Benchmark);
//# sourceMappingURL=benchmark.entity.js.map