import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class DeleteAccountDto {
  @ApiProperty({ description: 'The password you sign in with, to confirm' })
  @IsString({ message: 'password must be text' })
  @Length(1, 200, { message: 'password must be 1 to 200 characters long' })
  password: string;
}
