import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditLog } from './audit-log';
import { AuditQueries } from './audit.queries';
import { AuditService } from './audit.service';

/**
 * The audit log (who did what, when) and its admin read. Features record through `AuditLog`, in the
 * change's own flush; it imports no feature, so it sits below all of them.
 */
@Global()
@Module({ controllers: [AuditController], providers: [AuditLog, AuditQueries, AuditService], exports: [AuditLog] })
export class AuditModule {}
