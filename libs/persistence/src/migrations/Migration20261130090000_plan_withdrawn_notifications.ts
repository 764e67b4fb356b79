import { Migration } from '@mikro-orm/migrations';

/** The `plan-withdrawn` notification: the mentor side hears that a submission it was to review was taken back. */
export class Migration20261130090000_plan_withdrawn_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);

    this.addSql(
      `alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('comment', 'mention', 'plan-submitted', 'plan-withdrawn', 'plan-reviewed', 'milestone-due-soon', 'milestone-overdue', 'milestone-escalated', 'pair-stalled', 'pair-formed'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);

    this.addSql(
      `alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('comment', 'mention', 'plan-submitted', 'plan-reviewed', 'milestone-due-soon', 'milestone-overdue', 'milestone-escalated', 'pair-stalled', 'pair-formed'));`,
    );
  }
}
