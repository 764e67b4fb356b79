import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MeController } from './me.controller';
import { PasswordController } from './password.controller';
import { PasswordService } from './password.service';

@Module({ imports: [AuthModule], controllers: [MeController, PasswordController], providers: [PasswordService] })
export class UsersModule {}
