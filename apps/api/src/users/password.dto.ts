import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password you signed in with' })
  @IsString({ message: 'currentPassword must be text' })
  @Length(1, 200, { message: 'currentPassword must be 1 to 200 characters long' })
  currentPassword: string;

  @ApiProperty({
    description:
      'The new password: 10 to 200 characters, hard enough to guess (zxcvbn score 3 of 4, your name and e-mail count against it)',
  })
  @IsString({ message: 'newPassword must be text' })
  @Length(10, 200, { message: 'newPassword must be 10 to 200 characters long' })
  newPassword: string;
}
