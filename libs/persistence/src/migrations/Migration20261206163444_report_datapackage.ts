import { Migration } from '@mikro-orm/migrations';

export class Migration20261206163444_report_datapackage extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "reports" drop constraint if exists "reports_format_check";`);

    this.addSql(
      `alter table "reports" add constraint "reports_format_check" check("format" in ('csv', 'pdf', 'xlsx', 'datapackage'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "reports" drop constraint if exists "reports_format_check";`);

    this.addSql(
      `alter table "reports" add constraint "reports_format_check" check("format" in ('csv', 'pdf', 'xlsx'));`,
    );
  }
}
