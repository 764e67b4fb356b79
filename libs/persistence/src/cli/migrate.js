"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const postgresql_1 = require("@mikro-orm/postgresql");
const orm_options_1 = require("../orm-options");
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/citymentor';
async function main() {
    const [command, name] = process.argv.slice(2);
    const orm = await postgresql_1.MikroORM.init((0, orm_options_1.ormOptions)({ databaseUrl: process.env.DATABASE_URL ?? DEFAULT_URL, poolSize: 2 }));
    try {
        const migrator = orm.getMigrator();
        if (command === 'up') {
            const applied = await migrator.up();
            console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'database is up to date');
        }
        else if (command === 'create') {
            const result = await migrator.createMigration(undefined, false, false, name);
            console.log(result.fileName ? `wrote ${result.fileName}; add it to migrations/index.ts` : 'no changes');
        }
        else {
            throw new Error(`unknown command "${command}" (up | create <name>)`);
        }
    }
    finally {
        await orm.close();
    }
}
main().catch((error) => {
    console.error(error.message);
    process.exit(1);
});
//# sourceMappingURL=migrate.js.map