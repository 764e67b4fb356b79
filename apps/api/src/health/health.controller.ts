import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, MikroOrmHealthIndicator } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { Public } from '../auth/public.decorator';
import { REDIS } from '../redis/redis.module';

/** Database and Redis status: 200 when both answer, 503 when one does not. */
@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: MikroOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get(['health', 'api/v1/health'])
  @ApiOperation({
    summary: 'Check the database and Redis',
    description:
      'Open, no sign-in needed; for load balancers and monitoring. 200 when both the database and Redis answer within 1.5 seconds, 503 naming the one that does not.',
  })
  @HealthCheck()
  check() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 1500 }), () => this.redisCheck()]);
  }

  private async redisCheck() {
    const indicator = this.indicators.check('redis');
    // A ping that outlives the timeout must not reject later with no one listening.
    const ping = this.redis.ping();
    ping.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        ping,
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 1500))),
      ]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : 'unreachable' });
    } finally {
      clearTimeout(timer);
    }
  }
}
