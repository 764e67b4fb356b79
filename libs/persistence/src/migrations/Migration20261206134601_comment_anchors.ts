import { Migration } from '@mikro-orm/migrations';

export class Migration20261206134601_comment_anchors extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "comments" add column "anchor_revision" int null, add column "anchor_field" varchar(16) null, add column "anchor_item" int null, add column "anchor_text" text null, add column "suggestion" text null, add column "suggestion_state" text check ("suggestion_state" in ('pending', 'applied', 'dismissed')) null, add column "suggestion_decided_by" uuid null, add column "suggestion_decided_at" timestamptz null, add column "suggestion_applied_version" int null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "comments" drop column "anchor_revision", drop column "anchor_field", drop column "anchor_item", drop column "anchor_text", drop column "suggestion", drop column "suggestion_state", drop column "suggestion_decided_by", drop column "suggestion_decided_at", drop column "suggestion_applied_version";`,
    );
  }
}
