import { Migration } from '@mikro-orm/migrations';

export class Migration20261206141757_report_locale_xlsx extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "reports" drop constraint if exists "reports_format_check";`);

    this.addSql(
      `alter table "reports" add column "locale" text check ("locale" in ('en', 'fr')) not null default 'en';`,
    );
    this.addSql(
      `alter table "reports" add constraint "reports_format_check" check("format" in ('csv', 'pdf', 'xlsx'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "reports" drop constraint if exists "reports_format_check";`);

    this.addSql(`alter table "reports" drop column "locale";`);

    this.addSql(`alter table "reports" add constraint "reports_format_check" check("format" in ('csv', 'pdf'));`);
  }
}
