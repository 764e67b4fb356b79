import { Global, Inject, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DEMO_PASSWORD, ormOptions, setUpDatabase } from '@citymentor/persistence';
import { hashPassword } from '../auth/passwords';
import { appConfig, type AppConfig } from '../config/app.config';

/** MikroORM for the API; on start it migrates and seeds (catalogue always, demo data into an empty installation). */
@Global()
@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      inject: [appConfig.KEY],
      driver: PostgreSqlDriver,
      useFactory: (config: AppConfig) => ({
        ...ormOptions({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize }),
        registerRequestContext: true,
      }),
    }),
  ],
})
export class DatabaseModule implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly orm: MikroORM,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  async onModuleInit() {
    await setUpDatabase(this.orm, this.config.databaseUrl, {
      migrate: this.config.migrateOnStart,
      demoPasswordHash: this.config.seedDemoOnStart ? () => hashPassword(DEMO_PASSWORD) : undefined,
      log: (message) => this.logger.log(message),
    });
  }
}
