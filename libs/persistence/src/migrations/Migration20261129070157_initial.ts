import { Migration } from '@mikro-orm/migrations';

export class Migration20261129070157_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "benchmarks" ("id" uuid not null, "code" varchar(100) not null, "title" varchar(300) not null, "document" jsonb not null, "imported_at" timestamptz not null, constraint "benchmarks_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "benchmarks" add constraint "benchmarks_code_unique" unique ("code");`);

    this.addSql(
      `create table "events" ("seq" bigserial primary key, "room" varchar(100) not null, "type" varchar(64) not null, "payload" jsonb not null, "actor_id" uuid null, "programme_id" uuid null, "at" timestamptz not null, "published_at" timestamptz null);`,
    );
    this.addSql(`create index "events_programme_id_index" on "events" ("programme_id");`);
    this.addSql(`create index "events_room_seq_index" on "events" ("room", "seq");`);

    this.addSql(
      `create table "organisations" ("id" uuid not null, "name" varchar(200) not null, "kind" text check ("kind" in ('city', 'partner', 'network')) not null, "country" varchar(2) not null, "created_at" timestamptz not null, constraint "organisations_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "organisations" add constraint "organisations_name_unique" unique ("name");`);

    this.addSql(
      `create table "programmes" ("id" uuid not null, "name" varchar(200) not null, "description" text not null, "start_date" date not null, "end_date" date not null, "coordinator_organisation_id" uuid not null, "created_at" timestamptz not null, constraint "programmes_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "programme_participants" ("id" uuid not null, "programme_id" uuid not null, "organisation_id" uuid not null, "joined_at" timestamptz not null, constraint "programme_participants_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "programme_participants" add constraint "programme_participants_programme_id_organisation_id_unique" unique ("programme_id", "organisation_id");`,
    );

    this.addSql(
      `create table "consortium_milestones" ("id" uuid not null, "programme_id" uuid not null, "title" varchar(200) not null, "description" text not null, "due_date" date not null, "status" text check ("status" in ('planned', 'in-progress', 'done', 'blocked')) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "consortium_milestones_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "consortium_milestones_programme_id_due_date_index" on "consortium_milestones" ("programme_id", "due_date");`,
    );

    this.addSql(
      `create table "users" ("id" uuid not null, "email" varchar(320) not null, "name" varchar(200) not null, "password_hash" varchar(255) not null, "is_admin" boolean not null, "created_at" timestamptz not null, constraint "users_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `create table "refresh_tokens" ("id" uuid not null, "user_id" uuid not null, "family_id" uuid not null, "secret_hash" varchar(64) not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, "rotated_at" timestamptz null, "revoked_at" timestamptz null, constraint "refresh_tokens_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "refresh_tokens_family_id_index" on "refresh_tokens" ("family_id");`);

    this.addSql(
      `create table "memberships" ("id" uuid not null, "user_id" uuid not null, "programme_id" uuid not null, "organisation_id" uuid not null, "role" text check ("role" in ('coordinator', 'expert', 'city-member')) not null, "created_at" timestamptz not null, constraint "memberships_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "memberships_programme_id_organisation_id_index" on "memberships" ("programme_id", "organisation_id");`,
    );
    this.addSql(
      `alter table "memberships" add constraint "memberships_user_id_programme_id_unique" unique ("user_id", "programme_id");`,
    );

    this.addSql(
      `create table "invitations" ("id" uuid not null, "programme_id" uuid not null, "organisation_id" uuid not null, "email" varchar(320) not null, "role" text check ("role" in ('coordinator', 'expert', 'city-member')) not null, "token_hash" varchar(64) not null, "invited_by_id" uuid not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "created_at" timestamptz not null, constraint "invitations_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "invitations" add constraint "invitations_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `alter table "programmes" add constraint "programmes_coordinator_organisation_id_foreign" foreign key ("coordinator_organisation_id") references "organisations" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "programme_participants" add constraint "programme_participants_programme_id_foreign" foreign key ("programme_id") references "programmes" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "programme_participants" add constraint "programme_participants_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "consortium_milestones" add constraint "consortium_milestones_programme_id_foreign" foreign key ("programme_id") references "programmes" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "refresh_tokens" add constraint "refresh_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "memberships" add constraint "memberships_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "memberships" add constraint "memberships_programme_id_foreign" foreign key ("programme_id") references "programmes" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "memberships" add constraint "memberships_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "invitations" add constraint "invitations_programme_id_foreign" foreign key ("programme_id") references "programmes" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "invitations" add constraint "invitations_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "invitations" add constraint "invitations_invited_by_id_foreign" foreign key ("invited_by_id") references "users" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "programmes" drop constraint "programmes_coordinator_organisation_id_foreign";`);

    this.addSql(
      `alter table "programme_participants" drop constraint "programme_participants_organisation_id_foreign";`,
    );

    this.addSql(`alter table "memberships" drop constraint "memberships_organisation_id_foreign";`);

    this.addSql(`alter table "invitations" drop constraint "invitations_organisation_id_foreign";`);

    this.addSql(`alter table "programme_participants" drop constraint "programme_participants_programme_id_foreign";`);

    this.addSql(`alter table "consortium_milestones" drop constraint "consortium_milestones_programme_id_foreign";`);

    this.addSql(`alter table "memberships" drop constraint "memberships_programme_id_foreign";`);

    this.addSql(`alter table "invitations" drop constraint "invitations_programme_id_foreign";`);

    this.addSql(`alter table "refresh_tokens" drop constraint "refresh_tokens_user_id_foreign";`);

    this.addSql(`alter table "memberships" drop constraint "memberships_user_id_foreign";`);

    this.addSql(`alter table "invitations" drop constraint "invitations_invited_by_id_foreign";`);

    this.addSql(`drop table if exists "benchmarks" cascade;`);

    this.addSql(`drop table if exists "events" cascade;`);

    this.addSql(`drop table if exists "organisations" cascade;`);

    this.addSql(`drop table if exists "programmes" cascade;`);

    this.addSql(`drop table if exists "programme_participants" cascade;`);

    this.addSql(`drop table if exists "consortium_milestones" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop table if exists "refresh_tokens" cascade;`);

    this.addSql(`drop table if exists "memberships" cascade;`);

    this.addSql(`drop table if exists "invitations" cascade;`);
  }
}
