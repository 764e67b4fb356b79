import type { RedisOptions } from 'bullmq';

/**
 * ioredis options from REDIS_URL, for BullMQ: options rather than a client, so every queue and
 * worker opens and closes its own connections. `maxRetriesPerRequest: null` is what BullMQ
 * requires of the blocking connections its workers use.
 */
export function bullConnection(redisUrl: string): RedisOptions {
  const u = new URL(redisUrl);
  return {
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: Number(u.pathname.slice(1) || 0),
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}
