import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { User } from '@citymentor/domain';
import { appConfig, type AppConfig } from '../config/app.config';
import { REDIS } from '../redis/redis.module';
import { accessTokenKey } from './access-token-key';
import { ActorLoader } from './actor.loader';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { TokensService } from './tokens.service';

const accountOf = (req: Record<string, unknown>) => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? User.normaliseEmail(email) : '(none)';
};

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [appConfig.KEY],
      useFactory: (config: AppConfig) => ({ secret: accessTokenKey(config), signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
    // Sign-in attempts are limited per address and per account, in Redis, across API instances.
    ThrottlerModule.forRootAsync({
      inject: [appConfig.KEY, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => ({
        storage: new RedisThrottlerStorage(redis, config.redisPrefix),
        throttlers: [
          { name: 'login-ip', ttl: config.loginLimits.windowSeconds * 1000, limit: config.loginLimits.perIp, getTracker: (req) => String(req.ip) },
          { name: 'login-account', ttl: config.loginLimits.windowSeconds * 1000, limit: config.loginLimits.perAccount, getTracker: accountOf },
        ],
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, TokensService, ActorLoader, LocalStrategy, JwtStrategy, { provide: APP_GUARD, useClass: JwtAuthGuard }],
  exports: [TokensService, ActorLoader, JwtModule],
})
export class AuthModule {}
