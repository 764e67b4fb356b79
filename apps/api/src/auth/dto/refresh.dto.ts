import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const REFRESH_TOKEN = /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{20,100}$/;

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from sign-in or the last refresh' })
  @IsString()
  @MaxLength(200)
  @Matches(REFRESH_TOKEN, { message: 'refreshToken is not a refresh token' })
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'Also revoke the session of this refresh token' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(REFRESH_TOKEN, { message: 'refreshToken is not a refresh token' })
  refreshToken?: string;
}
