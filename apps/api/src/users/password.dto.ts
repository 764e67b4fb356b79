import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password you signed in with' })
  @IsString({ message: 'currentPassword must be text' })
  @Length(1, 200, { message: 'currentPassword must be 1 to 200 characters long' })
  currentPassword: string;

  @ApiProperty({ description: 'The new password: 10 to 200 characters' })
  @IsString({ message: 'newPassword must be text' })
  @Length(10, 200, { message: 'newPassword must be 10 to 200 characters long' })
  newPassword: string;
}
