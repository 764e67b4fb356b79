import { Migration } from '@mikro-orm/migrations';

/**
 * Notifications (from the event log, by the worker), e-mail preferences, milestone reminders sent,
 * the worker's event-log cursor, funder reports, and per-programme reminder settings.
 */
export class Migration20261129075726_notifications_reminders_reports extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "reminders_sent" ("id" uuid not null, "milestone_id" uuid not null, "kind" text check ("kind" in ('due-soon', 'overdue', 'escalation')) not null, "day" date not null, "due_date" date not null, "sent_at" timestamptz not null, constraint "reminders_sent_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "reminders_sent" add constraint "reminders_sent_milestone_id_kind_due_date_unique" unique ("milestone_id", "kind", "due_date");`,
    );
    this.addSql(
      `alter table "reminders_sent" add constraint "reminders_sent_milestone_id_kind_day_unique" unique ("milestone_id", "kind", "day");`,
    );

    this.addSql(
      `create table "reports" ("id" uuid not null, "programme_id" uuid not null, "requested_by_id" uuid not null, "format" text check ("format" in ('csv', 'pdf')) not null, "status" text check ("status" in ('queued', 'running', 'done', 'failed')) not null default 'queued', "progress" smallint not null default 0, "error" text null, "file_name" varchar(200) null, "size_bytes" int null, "created_at" timestamptz not null, "finished_at" timestamptz null, constraint "reports_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "reports_programme_id_created_at_index" on "reports" ("programme_id", "created_at");`);

    this.addSql(
      `create table "notification_preferences" ("user_id" uuid not null, "email" text check ("email" in ('immediate', 'daily', 'off')) not null default 'immediate', "updated_at" timestamptz not null, constraint "notification_preferences_pkey" primary key ("user_id"));`,
    );

    this.addSql(
      `create table "notifications" ("id" uuid not null, "user_id" uuid not null, "kind" text check ("kind" in ('comment', 'mention', 'plan-submitted', 'plan-reviewed', 'milestone-due-soon', 'milestone-overdue', 'milestone-escalated')) not null, "title" varchar(300) not null, "body" text not null, "link" varchar(500) not null, "source_event_seq" bigint null, "subject_id" uuid null, "programme_id" uuid null, "created_at" timestamptz not null, "read_at" timestamptz null, "emailed_at" timestamptz null, constraint "notifications_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "notifications_emailed_at_created_at_index" on "notifications" ("emailed_at", "created_at");`,
    );
    this.addSql(`create index "notifications_user_id_created_at_index" on "notifications" ("user_id", "created_at");`);
    this.addSql(
      `alter table "notifications" add constraint "notifications_user_id_source_event_seq_kind_unique" unique ("user_id", "source_event_seq", "kind");`,
    );

    this.addSql(
      `create table "worker_cursors" ("name" varchar(64) not null, "seq" bigint not null, "updated_at" timestamptz not null, constraint "worker_cursors_pkey" primary key ("name"));`,
    );

    this.addSql(
      `alter table "reminders_sent" add constraint "reminders_sent_milestone_id_foreign" foreign key ("milestone_id") references "milestones" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "reports" add constraint "reports_programme_id_foreign" foreign key ("programme_id") references "programmes" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "reports" add constraint "reports_requested_by_id_foreign" foreign key ("requested_by_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "notification_preferences" add constraint "notification_preferences_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "notifications" add constraint "notifications_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "programmes" add column "reminder_days_before" smallint not null default 7, add column "escalate_after_days" smallint not null default 14;`,
    );

    // The notifications consumer starts at the end of the log as it is now: history is not notified.
    this.addSql(
      `insert into "worker_cursors" ("name", "seq", "updated_at") select 'notifications', coalesce(max("seq"), 0), now() from "events";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "reminders_sent" cascade;`);

    this.addSql(`drop table if exists "reports" cascade;`);

    this.addSql(`drop table if exists "notification_preferences" cascade;`);

    this.addSql(`drop table if exists "notifications" cascade;`);

    this.addSql(`drop table if exists "worker_cursors" cascade;`);

    this.addSql(`alter table "programmes" drop column "reminder_days_before", drop column "escalate_after_days";`);
  }
}
