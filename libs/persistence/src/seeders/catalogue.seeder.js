"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.seedCatalogue = seedCatalogue;
const benchmarks_1 = require("../../../benchmarks/src");
const domain_1 = require("../../../domain/src");
async function seedCatalogue(em, documents = (0, benchmarks_1.loadCatalogue)()) {
    const existing = new Set((await em.find(domain_1.Benchmark, {}, { fields: ['code'] })).map((b) => b.code));
    const missing = documents.filter((d) => !existing.has(d.code));
    for (const doc of missing)
        em.persist(new domain_1.Benchmark(doc));
    await em.flush();
    return missing.map((d) => d.code);
}
//# sourceMappingURL=catalogue.seeder.js.map