import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AccountErasureService } from './account-erasure.service';
import { AdminUsersController } from './admin-users.controller';
import { MeController } from './me.controller';
import { PasswordController } from './password.controller';
import { PasswordService } from './password.service';

@Module({
  imports: [AuthModule],
  controllers: [MeController, PasswordController, AdminUsersController],
  providers: [PasswordService, AccountErasureService],
})
export class UsersModule {}
