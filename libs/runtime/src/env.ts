/** A missing or malformed setting: the process stops with one line naming it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Env = Record<string, string | undefined>;

/** A URL with its password replaced, fit for an error message. */
const hidePassword = (value: string) => value.replace(/\/\/[^@/]*@/, '//***@');

/** Readers of environment settings shared by the api and the worker; each names the setting it rejects. */
export function read(env: Env, name: string, fallback?: string): string {
  const value = env[name]?.trim() || fallback;
  if (value === undefined) throw new ConfigError(`${name} is required`);
  return value;
}

export function url(env: Env, name: string, protocols: string[], fallback: string): string {
  const value = read(env, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be a URL (${protocols.join(' or ')}), got "${hidePassword(value)}"`);
  }
  if (!protocols.includes(parsed.protocol))
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  if (!parsed.hostname) throw new ConfigError(`${name} must name a host, got "${hidePassword(value)}"`);
  return value;
}

export function optionalUrl(env: Env, name: string, protocols: string[]): string | null {
  return env[name]?.trim() ? url(env, name, protocols, '') : null;
}

export function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name, String(fallback));
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

export function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name, String(fallback)).toLowerCase();
  if (!['true', 'false', '1', '0'].includes(raw)) throw new ConfigError(`${name} must be true or false, got "${raw}"`);
  return raw === 'true' || raw === '1';
}

/** REDIS_URL: redis:// or rediss://, ending at most in a database number. */
export function redisUrl(env: Env): string {
  const value = url(env, 'REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379');
  const path = new URL(value).pathname;
  if (!/^\/?\d*$/.test(path)) throw new ConfigError(`REDIS_URL may end only in a database number, got "${path}"`);
  return value;
}
