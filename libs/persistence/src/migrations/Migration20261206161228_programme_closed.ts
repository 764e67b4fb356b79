import { Migration } from '@mikro-orm/migrations';

export class Migration20261206161228_programme_closed extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "programmes" add column "closed_at" timestamptz null, add column "closed_by_id" uuid null;`,
    );
    this.addSql(
      `alter table "programmes" add constraint "programmes_closed_by_id_foreign" foreign key ("closed_by_id") references "users" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "programmes" drop constraint "programmes_closed_by_id_foreign";`);

    this.addSql(`alter table "programmes" drop column "closed_at", drop column "closed_by_id";`);
  }
}
