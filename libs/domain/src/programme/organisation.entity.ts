import { Entity, Enum, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { OrganisationKind } from '@citymentor/contracts';

/** A city (local authority), an expert partner organisation or a network. */
@Entity({ tableName: 'organisations' })
export class Organisation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  @Unique()
  name: string;

  @Enum({ items: ['city', 'partner', 'network'], type: 'string', length: 16 })
  kind: OrganisationKind;

  /** ISO 3166-1 alpha-2 code, upper case (`FI`, `GB`). */
  @Property({ type: 'string', length: 2 })
  country: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  constructor(name: string, kind: OrganisationKind, country: string) {
    this.name = name.trim();
    this.kind = kind;
    this.country = country.toUpperCase();
  }
}
