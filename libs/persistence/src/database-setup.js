"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.setUpDatabase = setUpDatabase;
const pg_1 = require("pg");
const catalogue_seeder_1 = require("./seeders/catalogue.seeder");
const demo_seeder_1 = require("./seeders/demo.seeder");
const LOCK = 'citymentor:database-setup';
async function setUpDatabase(orm, databaseUrl, options) {
    const log = options.log ?? (() => undefined);
    const lock = new pg_1.Client({ connectionString: databaseUrl });
    await lock.connect();
    try {
        await lock.query('select pg_advisory_lock(hashtext($1))', [LOCK]);
        if (options.migrate) {
            const applied = await orm.getMigrator().up();
            if (applied.length)
                log(`applied migrations: ${applied.map((m) => m.name).join(', ')}`);
        }
        const em = orm.em.fork();
        const added = await (0, catalogue_seeder_1.seedCatalogue)(em);
        if (added.length)
            log(`seeded benchmarks: ${added.join(', ')}`);
        if (options.demoPasswordHash && (await (0, demo_seeder_1.seedDemo)(em, await options.demoPasswordHash())))
            log('seeded the demo consortium');
    }
    finally {
        await lock.query('select pg_advisory_unlock(hashtext($1))', [LOCK]).catch(() => undefined);
        await lock.end();
    }
}
//# sourceMappingURL=database-setup.js.map