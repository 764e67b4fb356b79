import { Migration } from '@mikro-orm/migrations';

/** The `pair-formed` notification: a city's members hear that it was paired, with whom and on which side. */
export class Migration20261129140508_pair_formed_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);

    this.addSql(
      `alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('comment', 'mention', 'plan-submitted', 'plan-reviewed', 'milestone-due-soon', 'milestone-overdue', 'milestone-escalated', 'pair-stalled', 'pair-formed'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);

    this.addSql(
      `alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('comment', 'mention', 'plan-submitted', 'plan-reviewed', 'milestone-due-soon', 'milestone-overdue', 'milestone-escalated', 'pair-stalled'));`,
    );
  }
}
