import type { JwtModuleOptions } from '@nestjs/jwt';
import { createSecretKey, type KeyObject } from 'node:crypto';
import type { AppConfig } from '../config/app.config';

/**
 * The access tokens' HS256 key as a KeyObject, made once. Given the secret as a string,
 * jsonwebtoken first tries (and fails) to read it as a public key on every sign and verify:
 * about a millisecond of CPU per request.
 */
export const accessTokenKey = (config: AppConfig): KeyObject =>
  createSecretKey(Buffer.from(config.jwt.accessSecret, 'utf8'));

/** How access tokens are signed and verified: HS256 only, expiry enforced (jsonwebtoken's default). */
export const accessTokenJwtOptions = (config: AppConfig): JwtModuleOptions => ({
  secret: accessTokenKey(config),
  signOptions: { algorithm: 'HS256' },
  verifyOptions: { algorithms: ['HS256'] },
});
