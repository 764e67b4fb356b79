import {
  applyDecorators,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
  type Type,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { appConfig, type AppConfig } from '../config/app.config';
import { NotModified } from '../http/not-modified';

/*
 * Cheap re-reads (docs/decisions/0014-etags-from-the-event-log.md): a hot read names a version of its answer
 * that costs one indexed look-up, computed AFTER the policy has let the caller in and BEFORE the read. The
 * answer carries it as a weak ETag; a request whose If-None-Match names it gets 304 without the read.
 * A guard, not an interceptor: a route with an interceptor goes through Nest's rxjs pipeline on every
 * request, one with guards alone does not. The route's guard runs after the global JwtAuthGuard.
 */

/** What a request gives a version function: its path parameters and query string, as Fastify parsed them. */
export interface TaggedRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
}

/**
 * The version of the answer for `actor`, from `source` (a provider: the feature's service, which asks the
 * resource's policy first and throws its 404/403 as the read would); null: no tag for this request (e.g.
 * an id the route's pipe will refuse).
 */
export type VersionOf<S> = (source: S, actor: Actor, request: TaggedRequest) => Promise<string | null>;

interface ETagSpec {
  source: Type<unknown>;
  version: VersionOf<unknown>;
}

const ETAG_SPEC = Symbol('etag-spec');

/**
 * The route answers with a weak ETag from `version` and answers a matching If-None-Match with 304 and no
 * body, without running the handler. The OpenAPI document lists the header and the 304.
 */
export function ETagFrom<S>(source: Type<S>, version: VersionOf<S>) {
  return applyDecorators(
    SetMetadata(ETAG_SPEC, { source, version } as ETagSpec),
    UseGuards(ETagGuard),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description:
        'The ETag of the answer you hold (weak, W/"…"); when it is still current the answer is 304 with no body. Access is checked first: a caller who may no longer read gets 404 or 403 as without it.',
    }),
    ApiResponse({
      status: 304,
      description:
        'Not modified: the ETag you sent is still current; reuse the body you hold. Every 200 of this route carries its ETag, Cache-Control: private, no-cache and Vary: Authorization.',
    }),
  );
}

/** Whether an If-None-Match header names `tag` (weak comparison: W/ prefixes ignored; `*` names any). */
export function namesTag(ifNoneMatch: string | string[] | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  const wanted = opaque(tag);
  return [ifNoneMatch]
    .flat()
    .flatMap((h) => h.split(','))
    .some((t) => t.trim() === '*' || opaque(t) === wanted);
}

/** A weak tag from the build, the request's path and query, the caller and the answer's version: opaque, 27 characters. */
export function weakTag(build: string, url: string, userId: string, version: string): string {
  return `W/"${createHash('sha1').update(`${build}\n${url}\n${userId}\n${version}`).digest('base64url')}"`;
}

@Injectable()
export class ETagGuard implements CanActivate {
  /** The deployed code: BUILD_ID, or this process's start (a restart then costs one full read per open page). */
  private readonly build: string;
  private readonly sources = new Map<Type<unknown>, unknown>();

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    @Inject(appConfig.KEY) config: AppConfig,
  ) {
    this.build = config.buildId ?? `started ${Date.now()} ${process.pid}`;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const spec = this.reflector.get<ETagSpec | undefined>(ETAG_SPEC, context.getHandler());
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: Actor }>();
    if (!spec || !request.user || request.method !== 'GET') return true;
    const version = await spec.version(this.source(spec.source), request.user, {
      params: (request.params ?? {}) as Record<string, string>,
      query: (request.query ?? {}) as Record<string, unknown>,
    });
    if (version === null) return true;
    const tag = weakTag(this.build, request.url, request.user.userId, version);
    const reply = http.getResponse<FastifyReply>();
    const vary = reply.getHeader('vary');
    reply
      .header('etag', tag)
      .header('cache-control', 'private, no-cache')
      .header('vary', vary ? `${String(vary)}, Authorization` : 'Authorization');
    // Nothing to read: the error filter answers 304 (all-exceptions.filter.ts).
    if (namesTag(request.headers['if-none-match'], tag)) throw new NotModified();
    return true;
  }

  private source(type: Type<unknown>): unknown {
    let source = this.sources.get(type);
    if (!source) this.sources.set(type, (source = this.moduleRef.get(type, { strict: false })));
    return source;
  }
}
