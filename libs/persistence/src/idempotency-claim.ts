import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';

/** The `Idempotency-Key` a request claimed (apps/api's IdempotencyInterceptor). */
export interface IdempotencyClaim {
  userId: string;
  key: string;
}

const claims = new AsyncLocalStorage<IdempotencyClaim>();

/** Runs `work` (a request's handler) with its claim in scope, so the transactions it commits mark the claim. */
export function withIdempotencyClaim<T>(claim: IdempotencyClaim, work: () => T): T {
  return claims.run(claim, work);
}

/**
 * Marks the claim of the request in scope (if any) `committed` in every transaction the request
 * commits — explicit ones and the ones a flush opens — just before the commit, so the mark commits
 * exactly when the change does. A retry of a request that died between its commit and its answer
 * then finds the mark and does not run the request a second time (decision 0008).
 */
export class IdempotencyClaimSubscriber implements EventSubscriber {
  async beforeTransactionCommit({ em, transaction }: TransactionEventArgs): Promise<void> {
    const claim = claims.getStore();
    if (!claim || !transaction) return;
    await em
      .getConnection()
      .execute(
        `update idempotency_keys set status = 'committed' where user_id = ? and key = ? and status = 'pending'`,
        [claim.userId, claim.key],
        'run',
        transaction,
      );
  }
}
