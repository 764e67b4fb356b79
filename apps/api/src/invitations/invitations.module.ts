import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [AuthModule, ProgrammesModule],
  controllers: [InvitationsController],
  providers: [InvitationsService],
})
export class InvitationsModule {}
