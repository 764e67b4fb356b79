import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../identity/user.entity';
import { Programme } from '../programme/programme.entity';

/** `datapackage`: the open-data package, a zip of CSV files described by a Frictionless datapackage.json. */
export const REPORT_FORMATS = ['csv', 'pdf', 'xlsx', 'datapackage'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** The file name extension of each format's file. */
export const REPORT_EXTENSIONS: Record<ReportFormat, string> = {
  csv: 'csv',
  pdf: 'pdf',
  xlsx: 'xlsx',
  datapackage: 'zip',
};
/** The languages a report is written in: the web client's. */
export const REPORT_LOCALES = ['en', 'fr'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];
export const REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A funder report (or the open-data package) of a programme, built in the background by the worker. */
@Entity({ tableName: 'reports' })
@Index({ properties: ['programme', 'createdAt'] })
export class Report {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Programme, { deleteRule: 'cascade' })
  programme: Programme;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  requestedBy: User;

  @Enum({ items: [...REPORT_FORMATS], type: 'string', length: 16 })
  format: ReportFormat;

  /** The language of its labels, dates and numbers. */
  @Enum({ items: [...REPORT_LOCALES], type: 'string', length: 8, default: 'en' })
  locale: ReportLocale & Opt = 'en';

  @Enum({ items: [...REPORT_STATUSES], type: 'string', length: 16 })
  status: ReportStatus & Opt = 'queued';

  /** 0–100. */
  @Property({ type: 'smallint' })
  progress: number & Opt = 0;

  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  /** File name under REPORTS_DIR once done. */
  @Property({ type: 'string', length: 200, nullable: true })
  fileName: string | null = null;

  @Property({ type: 'integer', nullable: true })
  sizeBytes: number | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;

  constructor(programme: Programme, requestedBy: User, format: ReportFormat, locale: ReportLocale = 'en') {
    this.programme = programme;
    this.requestedBy = requestedBy;
    this.format = format;
    this.locale = locale;
  }
}
