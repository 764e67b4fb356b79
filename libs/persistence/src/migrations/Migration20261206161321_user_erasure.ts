import { Migration } from '@mikro-orm/migrations';

/** Erasing an account (GDPR art. 17): when, the organisations it acted for, and the coordinators' `member-left` notification. */
export class Migration20261206161321_user_erasure extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "users" add column "erased_at" timestamptz null, add column "former_organisations" jsonb null;`,
    );
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);

    this.addSql(
      `alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('comment', 'mention', 'plan-submitted', 'plan-withdrawn', 'plan-reviewed', 'plan-changed-after-approval', 'milestone-due-soon', 'milestone-overdue', 'milestone-escalated', 'pair-stalled', 'pair-formed', 'member-left'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);

    this.addSql(
      `alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('comment', 'mention', 'plan-submitted', 'plan-withdrawn', 'plan-reviewed', 'plan-changed-after-approval', 'milestone-due-soon', 'milestone-overdue', 'milestone-escalated', 'pair-stalled', 'pair-formed'));`,
    );
    this.addSql(`alter table "users" drop column "erased_at", drop column "former_organisations";`);
  }
}
