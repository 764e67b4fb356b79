import { Migration } from '@mikro-orm/migrations';

/**
 * Invitations are e-mailed by the worker, resent and revoked (docs/decisions/0013). An invitation made before has
 * been handed over by its coordinator already: it counts as sent when it was made, and is not mailed now.
 * A token waiting to be mailed wakes the worker the way a new event does (the same NOTIFY, at commit).
 */
export class Migration20261206140243_invitation_mails extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "invitations" add column "revoked_at" timestamptz null, add column "mail_token" varchar(64) null, add column "sent_at" timestamptz null, add column "send_count" int not null default 1, add column "emailed_at" timestamptz null;`,
    );
    this.addSql(`update "invitations" set "sent_at" = "created_at";`);
    this.addSql(`alter table "invitations" alter column "sent_at" set not null;`);
    this.addSql(
      `create trigger invitations_mail_notify after insert or update of "mail_token" on "invitations" for each row when (new."mail_token" is not null) execute function citymentor_notify_events();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists invitations_mail_notify on "invitations";`);
    this.addSql(
      `alter table "invitations" drop column "revoked_at", drop column "mail_token", drop column "sent_at", drop column "send_count", drop column "emailed_at";`,
    );
  }
}
