import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { createHash, randomUUID } from 'node:crypto';
import { from, of, type Observable } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { DomainError } from '@citymentor/domain';
import { withIdempotencyClaim } from '@citymentor/persistence';
import type { Actor } from '../auth/actor';
import { appConfig, type AppConfig } from '../config/app.config';

const KEY = /^[\x21-\x7e]{1,255}$/;
const WAIT_FOR_TWIN_MS = 5000;

interface KeyRow {
  fingerprint: string;
  status: 'pending' | 'committed' | 'done';
  response_body: unknown;
  abandoned: boolean;
}

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
    const connection = this.orm.em.getConnection();
    await connection.execute(`delete from idempotency_keys where user_id = ? and key = ? and expires_at < now()`, [
      userId,
      key,
    ]);
    const started = Date.now();
    // Claim the key, or answer as its first request did; wait while that one still runs.
    let claimed = await this.claim(userId, key, fingerprint);
    while (!claimed) {
      const [row] = await connection.execute<KeyRow[]>(
        `select fingerprint, status, response_body, created_at < now() - make_interval(secs => ?) as abandoned from idempotency_keys where user_id = ? and key = ?`,
        [this.config.idempotencyAbandonedMs / 1000, userId, key],
      );
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
        claimed = await this.claim(userId, key, fingerprint);
        if (claimed) break;
      }
      if (row && Date.now() - started > WAIT_FOR_TWIN_MS)
        throw new DomainError('CONFLICT', 'A request with this Idempotency-Key is still being processed');
      await new Promise((r) => setTimeout(r, 25));
    }

    // A failed request frees its key for a retry, unless its change was committed before it failed:
    // then the key is left for retries to find at once (ALREADY_DONE), never to run the request again.
    const release = () =>
      connection.execute(
        `with freed as (delete from idempotency_keys where user_id = ? and key = ? and status = 'pending')
         update idempotency_keys set created_at = 'epoch' where user_id = ? and key = ? and status = 'committed'`,
        [userId, key, userId, key],
      );
    // The handler runs with the claim in scope: its transactions mark it committed as they commit (libs/persistence).
    return withIdempotencyClaim({ userId, key }, () => next.handle()).pipe(
      mergeMap(async (body: unknown) => {
        await connection.execute(
          `update idempotency_keys set status = 'done', response_body = ? where user_id = ? and key = ?`,
          [JSON.stringify(body ?? null), userId, key],
        );
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

  /** Inserts the key as pending, or takes over a pending claim of the same request that was abandoned; true if this request now owns it. */
  private async claim(userId: string, key: string, fingerprint: string): Promise<boolean> {
    const claimed = await this.orm.em.getConnection().execute<{ id: string }[]>(
      `insert into idempotency_keys (id, user_id, key, fingerprint, status, created_at, expires_at)
       values (?, ?, ?, ?, 'pending', now(), now() + interval '24 hours')
       on conflict (user_id, key) do update set created_at = now()
         where idempotency_keys.status = 'pending' and idempotency_keys.fingerprint = excluded.fingerprint
           and idempotency_keys.created_at < now() - make_interval(secs => ?)
       returning id`,
      [randomUUID(), userId, key, fingerprint, this.config.idempotencyAbandonedMs / 1000],
    );
    return claimed.length > 0;
  }
}
