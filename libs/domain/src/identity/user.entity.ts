import { Entity, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

@Entity({ tableName: 'users' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-cased: e-mail addresses are compared case-insensitively. */
  @Property({ type: 'string', length: 320 })
  @Unique()
  email: string;

  @Property({ type: 'string', length: 200 })
  name: string;

  @Property({ type: 'string', length: 255, hidden: true, lazy: true })
  passwordHash: string;

  /** Runs the installation: users, organisations, benchmark catalogues. */
  @Property({ type: 'boolean' })
  isAdmin: boolean & Opt = false;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  /**
   * Set when the account was erased (GDPR art. 17): name, e-mail and password are gone, what they wrote
   * stays, shown as by "a former member of" the organisation they acted for (`formerOrganisations`).
   */
  @Property({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null = null;

  /** After erasure: the organisation they acted for in each programme, by programme id. */
  @Property({ type: 'jsonb', nullable: true })
  formerOrganisations: Record<string, string> | null = null;

  constructor(email: string, name: string, passwordHash: string) {
    this.email = User.normaliseEmail(email);
    this.name = name.trim();
    this.passwordHash = passwordHash;
  }

  static normaliseEmail(email: string): string {
    return email.trim().toLowerCase();
  }
}
