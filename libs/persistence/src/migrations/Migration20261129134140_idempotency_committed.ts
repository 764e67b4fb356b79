import { Migration } from '@mikro-orm/migrations';

/**
 * An Idempotency-Key claim is marked `committed` in the transaction of the change its request made,
 * so a retry after the request's instance died between commit and answer does not run it again.
 */
export class Migration20261129134140_idempotency_committed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "idempotency_keys" drop constraint if exists "idempotency_keys_status_check";`);

    this.addSql(
      `alter table "idempotency_keys" add constraint "idempotency_keys_status_check" check("status" in ('pending', 'committed', 'done'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "idempotency_keys" drop constraint if exists "idempotency_keys_status_check";`);

    this.addSql(
      `alter table "idempotency_keys" add constraint "idempotency_keys_status_check" check("status" in ('pending', 'done'));`,
    );
  }
}
