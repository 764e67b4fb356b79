import { Module } from '@nestjs/common';
import { MeController } from './me.controller';
import { PasswordController } from './password.controller';
import { PasswordService } from './password.service';

@Module({ controllers: [MeController, PasswordController], providers: [PasswordService] })
export class UsersModule {}
