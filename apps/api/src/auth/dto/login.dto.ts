import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { TokenDeliveryProperty, type TokenDelivery } from './token-delivery';

export class LoginDto {
  @ApiProperty({ example: 'coordinator@eurocities.eu' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'citymentor-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;

  @TokenDeliveryProperty()
  tokenDelivery?: TokenDelivery;
}
