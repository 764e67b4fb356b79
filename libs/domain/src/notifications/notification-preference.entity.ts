import { Entity, Enum, OneToOne, Opt, Property } from '@mikro-orm/core';
import { User } from '../identity/user.entity';

export const EMAIL_PREFERENCES = ['immediate', 'daily', 'off'] as const;
/** How a user wants notifications by e-mail: each at once, one digest a day, or none. */
export type EmailPreference = (typeof EMAIL_PREFERENCES)[number];
export const DEFAULT_EMAIL_PREFERENCE: EmailPreference = 'immediate';

/** A user's notification settings; a user without a row gets the defaults. */
@Entity({ tableName: 'notification_preferences' })
export class NotificationPreference {
  @OneToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user: User;

  @Enum({ items: [...EMAIL_PREFERENCES], type: 'string', length: 16 })
  email: EmailPreference & Opt = DEFAULT_EMAIL_PREFERENCE;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  constructor(user: User, email: EmailPreference = DEFAULT_EMAIL_PREFERENCE) {
    this.user = user;
    this.email = email;
  }
}
