import { Migration } from '@mikro-orm/migrations';

export class Migration20261129072322_mentoring extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "idempotency_keys" ("id" uuid not null, "user_id" uuid not null, "key" varchar(255) not null, "fingerprint" varchar(64) not null, "status" text check ("status" in ('pending', 'done')) not null default 'pending', "response_status" smallint null, "response_body" jsonb null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "idempotency_keys_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "idempotency_keys_expires_at_index" on "idempotency_keys" ("expires_at");`);
    this.addSql(
      `alter table "idempotency_keys" add constraint "idempotency_keys_user_id_key_unique" unique ("user_id", "key");`,
    );

    this.addSql(
      `create table "pairs" ("id" uuid not null, "programme_id" uuid not null, "benchmark_code" varchar(100) not null, "mentor_organisation_id" uuid not null, "mentee_organisation_id" uuid not null, "focus_section_codes" jsonb not null, "status" text check ("status" in ('active', 'ended')) not null, "created_at" timestamptz not null, "ended_at" timestamptz null, constraint "pairs_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "pairs_programme_id_status_index" on "pairs" ("programme_id", "status");`);

    this.addSql(
      `create table "action_plans" ("id" uuid not null, "pair_id" uuid not null, "title" varchar(200) not null, "objective" text not null, "section_codes" jsonb not null, "gap_question_codes" jsonb not null, "activities" jsonb not null, "indicators" jsonb not null, "stakeholders" jsonb not null, "budget" text not null, "owner" varchar(200) not null, "state" text check ("state" in ('draft', 'submitted', 'changes-requested', 'approved', 'in-progress', 'completed', 'archived')) not null, "version" int not null default 1, "revision_count" int not null, "source_assessment_id" uuid null, "created_by" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "action_plans_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "action_plans_pair_id_state_index" on "action_plans" ("pair_id", "state");`);

    this.addSql(
      `create table "plan_revisions" ("id" uuid not null, "plan_id" uuid not null, "number" int not null, "snapshot" jsonb not null, "submitted_by" uuid not null, "created_at" timestamptz not null, constraint "plan_revisions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "plan_revisions" add constraint "plan_revisions_plan_id_number_unique" unique ("plan_id", "number");`,
    );

    this.addSql(
      `create table "milestones" ("id" uuid not null, "plan_id" uuid not null, "title" varchar(200) not null, "description" text not null, "due_date" date not null, "owner" varchar(200) not null, "status" text check ("status" in ('planned', 'in-progress', 'done', 'blocked')) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "milestones_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "milestones_due_date_status_index" on "milestones" ("due_date", "status");`);
    this.addSql(`create index "milestones_plan_id_due_date_index" on "milestones" ("plan_id", "due_date");`);

    this.addSql(
      `create table "assessments" ("id" uuid not null, "programme_id" uuid not null, "organisation_id" uuid not null, "benchmark_code" varchar(100) not null, "phase" text check ("phase" in ('baseline', 'follow-up')) not null, "status" text check ("status" in ('draft', 'submitted')) not null default 'draft', "created_at" timestamptz not null, "updated_at" timestamptz not null, "submitted_at" timestamptz null, constraint "assessments_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "assessments" add constraint "assessments_programme_id_organisation_id_benchmar_cbe48_unique" unique ("programme_id", "organisation_id", "benchmark_code", "phase");`,
    );

    this.addSql(
      `create table "assessment_context_notes" ("id" uuid not null, "assessment_id" uuid not null, "factor_code" varchar(100) not null, "note" text not null, "updated_at" timestamptz not null, constraint "assessment_context_notes_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "assessment_context_notes" add constraint "assessment_context_notes_assessment_id_factor_code_unique" unique ("assessment_id", "factor_code");`,
    );

    this.addSql(
      `create table "assessment_answers" ("id" uuid not null, "assessment_id" uuid not null, "question_code" varchar(120) not null, "rating" smallint null, "evidence" text not null default '', "links" jsonb not null, "mentor_rating" smallint null, "mentor_rated" boolean not null default false, "mentor_note" text null, "updated_by" uuid null, "updated_at" timestamptz not null, constraint "assessment_answers_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "assessment_answers" add constraint "assessment_answers_assessment_id_question_code_unique" unique ("assessment_id", "question_code");`,
    );

    this.addSql(
      `create table "progress_entries" ("id" uuid not null, "milestone_id" uuid not null, "percent" smallint not null, "status" text check ("status" in ('planned', 'in-progress', 'done', 'blocked')) not null, "note" text not null, "evidence_urls" jsonb not null, "author_id" uuid not null, "created_at" timestamptz not null, constraint "progress_entries_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "progress_entries_milestone_id_created_at_index" on "progress_entries" ("milestone_id", "created_at");`,
    );

    this.addSql(
      `create table "plan_reviews" ("id" uuid not null, "plan_id" uuid not null, "revision" int not null, "verdict" text check ("verdict" in ('approve', 'request-changes')) not null, "summary" text not null, "overrode_open_threads" boolean not null default false, "reviewer_id" uuid not null, "created_at" timestamptz not null, constraint "plan_reviews_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "comments" ("id" uuid not null, "plan_id" uuid not null, "target_type" text check ("target_type" in ('plan', 'milestone', 'progress')) not null, "target_id" uuid not null, "parent_id" uuid null, "thread_id" uuid not null, "author_id" uuid not null, "body" text not null, "mentions" jsonb not null, "created_at" timestamptz not null, "edited_at" timestamptz null, "deleted_at" timestamptz null, "resolved_at" timestamptz null, "resolved_by" uuid null, constraint "comments_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "comments_thread_id_index" on "comments" ("thread_id");`);
    this.addSql(`create index "comments_plan_id_created_at_index" on "comments" ("plan_id", "created_at");`);

    this.addSql(
      `create table "comment_edits" ("id" uuid not null, "comment_id" uuid not null, "previous_body" text not null, "edited_at" timestamptz not null, constraint "comment_edits_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "comment_edits_comment_id_index" on "comment_edits" ("comment_id");`);

    this.addSql(
      `alter table "pairs" add constraint "pairs_programme_id_foreign" foreign key ("programme_id") references "programmes" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "pairs" add constraint "pairs_mentor_organisation_id_foreign" foreign key ("mentor_organisation_id") references "organisations" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "pairs" add constraint "pairs_mentee_organisation_id_foreign" foreign key ("mentee_organisation_id") references "organisations" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "action_plans" add constraint "action_plans_pair_id_foreign" foreign key ("pair_id") references "pairs" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "plan_revisions" add constraint "plan_revisions_plan_id_foreign" foreign key ("plan_id") references "action_plans" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "milestones" add constraint "milestones_plan_id_foreign" foreign key ("plan_id") references "action_plans" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "assessments" add constraint "assessments_programme_id_foreign" foreign key ("programme_id") references "programmes" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "assessments" add constraint "assessments_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "assessment_context_notes" add constraint "assessment_context_notes_assessment_id_foreign" foreign key ("assessment_id") references "assessments" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "assessment_answers" add constraint "assessment_answers_assessment_id_foreign" foreign key ("assessment_id") references "assessments" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "progress_entries" add constraint "progress_entries_milestone_id_foreign" foreign key ("milestone_id") references "milestones" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "progress_entries" add constraint "progress_entries_author_id_foreign" foreign key ("author_id") references "users" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "plan_reviews" add constraint "plan_reviews_plan_id_foreign" foreign key ("plan_id") references "action_plans" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "plan_reviews" add constraint "plan_reviews_reviewer_id_foreign" foreign key ("reviewer_id") references "users" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "comments" add constraint "comments_plan_id_foreign" foreign key ("plan_id") references "action_plans" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "comments" add constraint "comments_author_id_foreign" foreign key ("author_id") references "users" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "comment_edits" add constraint "comment_edits_comment_id_foreign" foreign key ("comment_id") references "comments" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "action_plans" drop constraint "action_plans_pair_id_foreign";`);

    this.addSql(`alter table "plan_revisions" drop constraint "plan_revisions_plan_id_foreign";`);

    this.addSql(`alter table "milestones" drop constraint "milestones_plan_id_foreign";`);

    this.addSql(`alter table "plan_reviews" drop constraint "plan_reviews_plan_id_foreign";`);

    this.addSql(`alter table "comments" drop constraint "comments_plan_id_foreign";`);

    this.addSql(`alter table "progress_entries" drop constraint "progress_entries_milestone_id_foreign";`);

    this.addSql(
      `alter table "assessment_context_notes" drop constraint "assessment_context_notes_assessment_id_foreign";`,
    );

    this.addSql(`alter table "assessment_answers" drop constraint "assessment_answers_assessment_id_foreign";`);

    this.addSql(`alter table "comment_edits" drop constraint "comment_edits_comment_id_foreign";`);

    this.addSql(`drop table if exists "idempotency_keys" cascade;`);

    this.addSql(`drop table if exists "pairs" cascade;`);

    this.addSql(`drop table if exists "action_plans" cascade;`);

    this.addSql(`drop table if exists "plan_revisions" cascade;`);

    this.addSql(`drop table if exists "milestones" cascade;`);

    this.addSql(`drop table if exists "assessments" cascade;`);

    this.addSql(`drop table if exists "assessment_context_notes" cascade;`);

    this.addSql(`drop table if exists "assessment_answers" cascade;`);

    this.addSql(`drop table if exists "progress_entries" cascade;`);

    this.addSql(`drop table if exists "plan_reviews" cascade;`);

    this.addSql(`drop table if exists "comments" cascade;`);

    this.addSql(`drop table if exists "comment_edits" cascade;`);
  }
}
