import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the hot reads (docs/performance.md, "REST"): the activity feed pages a programme's
 * events newest first — (programme_id, seq) lets it stop after one page instead of walking back
 * over every newer event of other programmes (60 ms → 0.06 ms measured with 5 000 events of one
 * programme behind 100 000 newer ones); the plan page and the workflow read a plan's latest review,
 * which had no index on plan_id at all.
 */
export class Migration20261129105824_hot_read_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "events_programme_id_index";`);

    this.addSql(`create index "events_programme_id_seq_index" on "events" ("programme_id", "seq");`);

    this.addSql(`create index "plan_reviews_plan_id_revision_index" on "plan_reviews" ("plan_id", "revision");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "events_programme_id_seq_index";`);

    this.addSql(`create index "events_programme_id_index" on "events" ("programme_id");`);

    this.addSql(`drop index "plan_reviews_plan_id_revision_index";`);
  }
}
