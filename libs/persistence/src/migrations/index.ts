import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129070157_initial } from './Migration20261129070157_initial';
import { Migration20261129072322_mentoring } from './Migration20261129072322_mentoring';
import { Migration20261129073000_event_notifications } from './Migration20261129073000_event_notifications';
import { Migration20261129075726_notifications_reminders_reports } from './Migration20261129075726_notifications_reminders_reports';
import { Migration20261129102002_stalled_pairs } from './Migration20261129102002_stalled_pairs';
import { Migration20261129105824_hot_read_indexes } from './Migration20261129105824_hot_read_indexes';
import { Migration20261129134140_idempotency_committed } from './Migration20261129134140_idempotency_committed';
import { Migration20261129140508_pair_formed_notifications } from './Migration20261129140508_pair_formed_notifications';
import { Migration20261130090000_plan_withdrawn_notifications } from './Migration20261130090000_plan_withdrawn_notifications';
import { Migration20261206091509_milestone_gap_links } from './Migration20261206091509_milestone_gap_links';
import { Migration20261206093145_plan_changed_notifications } from './Migration20261206093145_plan_changed_notifications';
import { Migration20261206134601_comment_anchors } from './Migration20261206134601_comment_anchors';
import { Migration20261206140001_diff_field_views } from './Migration20261206140001_diff_field_views';
import { Migration20261206140243_invitation_mails } from './Migration20261206140243_invitation_mails';
import { Migration20261206141757_report_locale_xlsx } from './Migration20261206141757_report_locale_xlsx';
import { Migration20261206141813_data_exports } from './Migration20261206141813_data_exports';
import { Migration20261206161228_programme_closed } from './Migration20261206161228_programme_closed';
import { Migration20261206161244_audit_entries } from './Migration20261206161244_audit_entries';
import { Migration20261206161321_user_erasure } from './Migration20261206161321_user_erasure';
import { Migration20261206163444_report_datapackage } from './Migration20261206163444_report_datapackage';
import { Migration20261206171221_programme_notifications } from './Migration20261206171221_programme_notifications';
import { Migration20261206174010_notification_kinds_merged } from './Migration20261206174010_notification_kinds_merged';

/** Every migration, in order. Listing them keeps discovery out of the file system (same in src and dist). */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261129070157_initial', class: Migration20261129070157_initial },
  { name: 'Migration20261129072322_mentoring', class: Migration20261129072322_mentoring },
  { name: 'Migration20261129073000_event_notifications', class: Migration20261129073000_event_notifications },
  {
    name: 'Migration20261129075726_notifications_reminders_reports',
    class: Migration20261129075726_notifications_reminders_reports,
  },
  { name: 'Migration20261129102002_stalled_pairs', class: Migration20261129102002_stalled_pairs },
  { name: 'Migration20261129105824_hot_read_indexes', class: Migration20261129105824_hot_read_indexes },
  { name: 'Migration20261129134140_idempotency_committed', class: Migration20261129134140_idempotency_committed },
  {
    name: 'Migration20261129140508_pair_formed_notifications',
    class: Migration20261129140508_pair_formed_notifications,
  },
  {
    name: 'Migration20261130090000_plan_withdrawn_notifications',
    class: Migration20261130090000_plan_withdrawn_notifications,
  },
  { name: 'Migration20261206091509_milestone_gap_links', class: Migration20261206091509_milestone_gap_links },
  {
    name: 'Migration20261206093145_plan_changed_notifications',
    class: Migration20261206093145_plan_changed_notifications,
  },
  {
    name: 'Migration20261206134601_comment_anchors',
    class: Migration20261206134601_comment_anchors,
  },
  { name: 'Migration20261206140001_diff_field_views', class: Migration20261206140001_diff_field_views },
  { name: 'Migration20261206140243_invitation_mails', class: Migration20261206140243_invitation_mails },
  { name: 'Migration20261206141757_report_locale_xlsx', class: Migration20261206141757_report_locale_xlsx },
  { name: 'Migration20261206141813_data_exports', class: Migration20261206141813_data_exports },
  { name: 'Migration20261206161228_programme_closed', class: Migration20261206161228_programme_closed },
  { name: 'Migration20261206161244_audit_entries', class: Migration20261206161244_audit_entries },
  { name: 'Migration20261206161321_user_erasure', class: Migration20261206161321_user_erasure },
  { name: 'Migration20261206163444_report_datapackage', class: Migration20261206163444_report_datapackage },
  { name: 'Migration20261206171221_programme_notifications', class: Migration20261206171221_programme_notifications },
  {
    name: 'Migration20261206174010_notification_kinds_merged',
    class: Migration20261206174010_notification_kinds_merged,
  },
];
