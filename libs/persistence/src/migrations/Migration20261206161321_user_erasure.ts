import { Migration } from '@mikro-orm/migrations';

export class Migration20261206161321_user_erasure extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "users" add column "erased_at" timestamptz null, add column "former_organisations" jsonb null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "users" drop column "erased_at", drop column "former_organisations";`);
  }
}
