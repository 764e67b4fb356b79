import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DomainError } from '@citymentor/domain';
import { appConfig, type AppConfig } from '../config/app.config';
import type { Actor } from './actor';
import { accessTokenKey } from './access-token-key';
import { ActorLoader } from './actor.loader';

export interface AccessTokenClaims {
  sub: string;
  /** The sign-in (refresh token family) this access token belongs to; revoking it ends the session. */
  sid: string;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(appConfig.KEY) config: AppConfig,
    private readonly actors: ActorLoader,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // jsonwebtoken takes a KeyObject; @types/passport-jwt only lists string | Buffer.
      secretOrKey: accessTokenKey(config) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Actor> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string')
      throw new DomainError('INVALID_TOKEN', 'Invalid access token');
    const actor = await this.actors.load(claims.sub, claims.sid);
    if (!actor) throw new DomainError('INVALID_TOKEN', 'This session has ended; sign in again');
    return actor;
  }
}
