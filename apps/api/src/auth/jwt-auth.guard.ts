import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingHttpHeaders } from 'node:http';
import { DomainError } from '@citymentor/domain';
import { AccessTokens, InvalidClaimsError } from './access-tokens';
import type { Actor } from './actor';
import { ActorLoader } from './actor.loader';
import { IS_PUBLIC } from './public.decorator';

/** The global guard: every route needs a valid access token unless marked `@Public()`. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly actors: ActorLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders; user?: Actor }>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw signInFirst();
    const claims = await this.tokens.verify(token).catch((error: unknown) => {
      throw refusal(error);
    });
    const actor = await this.actors.load(claims.sub, claims.sid);
    if (!actor) throw new DomainError('INVALID_TOKEN', 'This session has ended; sign in again');
    request.user = actor;
    return true;
  }
}

/**
 * The token of `Authorization: Bearer <token>`, read as passport-jwt did: the first two words of the
 * header, the scheme in any case, anything after the token ignored. Anchored, unlike passport-jwt's
 * `/(\S+)\s+(\S+)/`, which backtracks in quadratic time on a long header without spaces.
 */
export function bearerToken(header: string | undefined): string | null {
  const words = header?.match(/^\s*(\S+)\s+(\S+)/);
  return words && words[1].toLowerCase() === 'bearer' ? words[2] : null;
}

const signInFirst = () =>
  new DomainError('UNAUTHENTICATED', 'Sign in first: send an access token as "Authorization: Bearer <token>"');

function refusal(error: unknown) {
  if (error instanceof InvalidClaimsError) return new DomainError('INVALID_TOKEN', 'Invalid access token');
  if (error instanceof Error && error.name === 'TokenExpiredError')
    return new DomainError('INVALID_TOKEN', 'The access token has expired; refresh it');
  return signInFirst();
}
