import { Migration } from '@mikro-orm/migrations';

/** A milestone names the gaps of its plan it addresses (guide question codes); existing milestones address none yet. */
export class Migration20261206091509_milestone_gap_links extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "milestones" add column "gap_question_codes" jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "milestones" drop column "gap_question_codes";`);
  }
}
