import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { appConfig, type AppConfig } from '../config/app.config';
import { REDIS } from '../redis/redis.module';
import { accessTokenJwtOptions } from './access-token-key';
import { AccessTokens } from './access-tokens';
import { ActorLoader } from './actor.loader';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { LocalStrategy } from './local.strategy';
import { loginThrottlers, PasswordAttempts } from './login-limits';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { TokensService } from './tokens.service';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [appConfig.KEY],
      useFactory: accessTokenJwtOptions,
    }),
    // Password attempts are limited per address and per account, in Redis, across API instances:
    // sign-in through ThrottlerGuard, the other password checks through PasswordAttempts (login-limits.ts).
    ThrottlerModule.forRootAsync({
      inject: [appConfig.KEY, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => ({
        storage: new RedisThrottlerStorage(redis, config.redisPrefix),
        throttlers: loginThrottlers(config),
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokensService,
    ActorLoader,
    LocalStrategy,
    AccessTokens,
    PasswordAttempts,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [TokensService, ActorLoader, AccessTokens, JwtModule, PasswordAttempts],
})
export class AuthModule {}
