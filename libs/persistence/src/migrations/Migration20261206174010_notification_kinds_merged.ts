import { Migration } from '@mikro-orm/migrations';

/** Closing a programme and erasing an account each added notification kinds: the check lists all of them. */
export class Migration20261206174010_notification_kinds_merged extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);
    this.addSql(
      `alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('comment', 'mention', 'plan-submitted', 'plan-withdrawn', 'plan-reviewed', 'plan-changed-after-approval', 'milestone-due-soon', 'milestone-overdue', 'milestone-escalated', 'pair-stalled', 'pair-formed', 'programme-closed', 'programme-reopened', 'member-left'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);
    this.addSql(
      `alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('comment', 'mention', 'plan-submitted', 'plan-withdrawn', 'plan-reviewed', 'plan-changed-after-approval', 'milestone-due-soon', 'milestone-overdue', 'milestone-escalated', 'pair-stalled', 'pair-formed', 'programme-closed', 'programme-reopened'));`,
    );
  }
}
