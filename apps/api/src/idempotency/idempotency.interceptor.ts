import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { from, of, type Observable } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { DomainError } from '@citymentor/domain';
import { withIdempotencyClaim } from '@citymentor/persistence';
import type { Actor } from '../auth/actor';
import { appConfig, type AppConfig } from '../config/app.config';
import { claimKey, deleteExpiredKey, readKey, recordResponse, releaseKey } from './idempotency.queries';

const KEY = /^[\x21-\x7e]{1,255}$/;
const WAIT_FOR_TWIN_MS = 5000;

/**
 * `Idempotency-Key` on creating POSTs: the first request with a key claims it (a unique row, so a
 * concurrent twin loses the race), runs, and stores its response; the same key with the same
 * request then gets that response again, without running twice. The same key with another
 * request → 422. A twin that arrives while the first still runs waits for it, or gets 409.
 * A failed request releases its key, so it can be retried. Keys are kept 24 hours. A key left
 * pending by an instance that died mid-request is taken over by the same request retried after
 * IDEMPOTENCY_ABANDONED_MS (its transaction was rolled back with the connection). The claim is
 * marked `committed` in the transaction of the request's change, so a request that died between
 * committing and recording its response is never run again: its retry gets 409 ALREADY_DONE.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly orm: MikroORM,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> | Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context
      .switchToHttp()
      .getRequest<{ method: string; url: string; body: unknown; headers: Record<string, unknown>; user?: Actor }>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined || !request.user) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 255 visible ASCII characters', [
        { path: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 255 visible ASCII characters' },
      ]);
    }
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    return this.handle(request.user.userId, key, fingerprint, next);
  }

  private async handle(
    userId: string,
    key: string,
    fingerprint: string,
    next: CallHandler,
  ): Promise<Observable<unknown>> {
    const em = this.orm.em;
    const abandonedSecs = this.config.idempotencyAbandonedMs / 1000;
    await deleteExpiredKey(em, userId, key);
    const started = Date.now();
    // Claim the key, or answer as its first request did; wait while that one still runs.
    let claimed = await claimKey(em, userId, key, fingerprint, abandonedSecs);
    while (!claimed) {
      const row = await readKey(em, userId, key, abandonedSecs);
      if (row && row.fingerprint !== fingerprint) {
        throw new DomainError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used for a different request',
        );
      }
      if (row?.status === 'done') return of(row.response_body);
      if (row?.status === 'committed' && row.abandoned) {
        throw new DomainError(
          'ALREADY_DONE',
          'A request with this Idempotency-Key was carried out, but the server handling it stopped before it could answer; read the result instead of sending it again',
        );
      }
      // No row (the first request failed and released the key) or a claim abandoned mid-request: try to take it.
      if (!row || (row.status === 'pending' && row.abandoned)) {
        claimed = await claimKey(em, userId, key, fingerprint, abandonedSecs);
        if (claimed) break;
      }
      if (row && Date.now() - started > WAIT_FOR_TWIN_MS)
        throw new DomainError('CONFLICT', 'A request with this Idempotency-Key is still being processed');
      await new Promise((r) => setTimeout(r, 25));
    }

    // A failed request frees its key for a retry, unless its change was committed before it failed:
    // then the key is left for retries to find at once (ALREADY_DONE), never to run the request again.
    const release = () => releaseKey(em, userId, key);
    // The handler runs with the claim in scope: its transactions mark it committed as they commit (libs/persistence).
    return withIdempotencyClaim({ userId, key }, () => next.handle()).pipe(
      mergeMap(async (body: unknown) => {
        await recordResponse(em, userId, key, body);
        return body;
      }),
      catchError((error: unknown) =>
        from(
          release().then(() => {
            throw error;
          }),
        ),
      ),
    );
  }
}
