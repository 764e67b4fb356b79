import { Injectable } from '@nestjs/common';
import { notFound } from '@citymentor/domain';
import type { Actor } from '../auth/actor';

/**
 * Who may see a data export: the person whose data it is, and no one else — not a coordinator, not the
 * installation admin. Anyone else gets 404, as if it did not exist (it holds someone's personal data).
 */
@Injectable()
export class DataExportPolicy {
  assertVisible(actor: Actor, exportRow: { userId: string }) {
    if (exportRow.userId !== actor.userId) throw notFound('Data export');
  }
}
