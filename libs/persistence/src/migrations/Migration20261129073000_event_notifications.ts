import { Migration } from '@mikro-orm/migrations';

/** Every committed batch of event rows wakes the API instances tailing the log (LISTEN citymentor_events). */
export class Migration20261129073000_event_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function citymentor_notify_events() returns trigger language plpgsql as $$
begin
  perform pg_notify('citymentor_events', '');
  return null;
end $$;`);
    this.addSql(
      `create trigger events_notify after insert on "events" for each statement execute function citymentor_notify_events();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists events_notify on "events";`);
    this.addSql(`drop function if exists citymentor_notify_events();`);
  }
}
