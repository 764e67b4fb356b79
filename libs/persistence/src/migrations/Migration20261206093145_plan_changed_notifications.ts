import { Migration } from '@mikro-orm/migrations';

/** The `plan-changed-after-approval` notification: the mentor side hears that a plan it approved was changed (a milestone added). */
export class Migration20261206093145_plan_changed_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);

    this.addSql(
      `alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('comment', 'mention', 'plan-submitted', 'plan-withdrawn', 'plan-reviewed', 'plan-changed-after-approval', 'milestone-due-soon', 'milestone-overdue', 'milestone-escalated', 'pair-stalled', 'pair-formed'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);

    this.addSql(
      `alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('comment', 'mention', 'plan-submitted', 'plan-withdrawn', 'plan-reviewed', 'milestone-due-soon', 'milestone-overdue', 'milestone-escalated', 'pair-stalled', 'pair-formed'));`,
    );
  }
}
