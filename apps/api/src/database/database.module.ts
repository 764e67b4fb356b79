import {
  Global,
  Inject,
  Logger,
  Module,
  RequestMethod,
  type MiddlewareConsumer,
  type NestModule,
  type OnModuleInit,
} from '@nestjs/common';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { MikroOrmMiddleware, MikroOrmModule } from '@mikro-orm/nestjs';
import { DEMO_PASSWORD, ormOptions, setUpDatabase } from '@citymentor/persistence';
import { hashPassword } from '../auth/passwords';
import { appConfig, type AppConfig } from '../config/app.config';
import { LEAN_READ_ROUTES } from './request-context';

/**
 * MikroORM for the API; on start it migrates and seeds (catalogue always, demo data into an empty
 * installation). Every request gets its own request context (EntityManager fork) except the hot
 * lean reads (LEAN_READ_ROUTES), which need none.
 */
@Global()
@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      inject: [appConfig.KEY],
      driver: PostgreSqlDriver,
      useFactory: (config: AppConfig) => ({
        ...ormOptions({
          databaseUrl: config.databaseUrl,
          poolSize: config.databasePoolSize,
          pooler: config.databasePooler,
        }),
        // Registered below, for every route but the lean reads.
        registerRequestContext: false,
      }),
    }),
  ],
})
export class DatabaseModule implements OnModuleInit, NestModule {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly orm: MikroORM,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  configure(consumer: MiddlewareConsumer) {
    consumer
      .apply(MikroOrmMiddleware)
      .exclude(...LEAN_READ_ROUTES)
      .forRoutes({ path: '{*all}', method: RequestMethod.ALL });
  }

  /** Behind a transaction pooler, the set-up (a session lock, migrations) runs on a short-lived ORM of its own, straight to Postgres. */
  async onModuleInit() {
    const { databaseDirectUrl, databasePooler } = this.config;
    const orm =
      databasePooler === 'none'
        ? this.orm
        : await MikroORM.init(ormOptions({ databaseUrl: databaseDirectUrl, poolSize: 2 }));
    try {
      await setUpDatabase(orm, databaseDirectUrl, {
        migrate: this.config.migrateOnStart,
        demoPasswordHash: this.config.seedDemoOnStart ? () => hashPassword(DEMO_PASSWORD) : undefined,
        log: (message) => this.logger.log(message),
      });
    } finally {
      if (orm !== this.orm) await orm.close();
    }
  }
}
