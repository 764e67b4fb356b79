import { Module } from '@nestjs/common';
import { DataExportPolicy } from './data-export.policy';
import { DataExportsController } from './data-exports.controller';
import { DataExportQueries } from './data-exports.queries';
import { DataExportsService } from './data-exports.service';

/** "My data": a person's own data as a .zip, built by the worker; only that person may have it. */
@Module({
  controllers: [DataExportsController],
  providers: [DataExportsService, DataExportQueries, DataExportPolicy],
})
export class DataExportsModule {}
