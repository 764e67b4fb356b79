import { Migration } from '@mikro-orm/migrations';

/** Stalled-pair signals: per-programme thresholds, the alerts sent (one per wait), the `pair-stalled` notification. */
export class Migration20261129102002_stalled_pairs extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "stall_alerts" ("key" varchar(200) not null, "programme_id" uuid not null, "pair_id" uuid not null, "sent_at" timestamptz not null, constraint "stall_alerts_pkey" primary key ("key"));`,
    );

    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);

    this.addSql(
      `alter table "programmes" add column "stalled_after_days" smallint not null default 21, add column "respond_within_days" smallint not null default 7;`,
    );

    this.addSql(
      `alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('comment', 'mention', 'plan-submitted', 'plan-reviewed', 'milestone-due-soon', 'milestone-overdue', 'milestone-escalated', 'pair-stalled'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stall_alerts" cascade;`);

    this.addSql(`alter table "notifications" drop constraint if exists "notifications_kind_check";`);

    this.addSql(
      `alter table "notifications" add constraint "notifications_kind_check" check("kind" in ('comment', 'mention', 'plan-submitted', 'plan-reviewed', 'milestone-due-soon', 'milestone-overdue', 'milestone-escalated'));`,
    );

    this.addSql(`alter table "programmes" drop column "stalled_after_days", drop column "respond_within_days";`);
  }
}
