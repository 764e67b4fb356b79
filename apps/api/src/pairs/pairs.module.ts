import { Global, Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { BenchmarkDocuments } from './benchmark-documents';
import { PairScopes } from './pair-scopes';
import { PairSuggestionsService } from './pair-suggestions.service';
import { PairPolicy } from './pair.policy';
import { PairQueries } from './pair.queries';
import { PairsController } from './pairs.controller';
import { PairsService } from './pairs.service';

/**
 * Mentoring pairs; exports the one policy (and scope lookup) for everything inside a pair, and the
 * benchmark documents the pairs' work is measured against.
 */
@Global()
@Module({
  imports: [ProgrammesModule],
  controllers: [PairsController],
  providers: [PairPolicy, PairScopes, BenchmarkDocuments, PairQueries, PairsService, PairSuggestionsService],
  exports: [PairPolicy, PairScopes, BenchmarkDocuments],
})
export class PairsModule {}
