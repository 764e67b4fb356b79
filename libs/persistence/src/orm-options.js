"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ormOptions = ormOptions;
const postgresql_1 = require("@mikro-orm/postgresql");
const migrations_1 = require("@mikro-orm/migrations");
const domain_1 = require("../../domain/src");
const migrations_2 = require("./migrations");
function ormOptions({ databaseUrl, poolSize = 10, debug = false }) {
    return (0, postgresql_1.defineConfig)({
        clientUrl: databaseUrl,
        entities: domain_1.ENTITIES,
        extensions: [migrations_1.Migrator],
        debug,
        pool: { min: 0, max: poolSize },
        forceUtcTimezone: true,
        allowGlobalContext: false,
        migrations: {
            tableName: 'mikro_orm_migrations',
            migrationsList: migrations_2.MIGRATIONS,
            path: 'libs/persistence/src/migrations',
            pathTs: 'libs/persistence/src/migrations',
            transactional: true,
            allOrNothing: true,
            snapshot: true,
            snapshotName: '.snapshot-citymentor',
            emit: 'ts',
        },
    });
}
//# sourceMappingURL=orm-options.js.map