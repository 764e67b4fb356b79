import { Global, Module } from '@nestjs/common';
import { PairScopes } from './pair-scopes';
import { PairPolicy } from './pair.policy';

/** Mentoring pairs; exports the one policy (and scope lookup) for everything inside a pair. */
@Global()
@Module({
  providers: [PairPolicy, PairScopes],
  exports: [PairPolicy, PairScopes],
})
export class PairsModule {}
