import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { REFRESH_TOKEN_MAX_LENGTH, REFRESH_TOKEN_PATTERN } from '../refresh-token-format';

const NOT_A_REFRESH_TOKEN = { message: 'refreshToken is not a refresh token' };

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from sign-in or the last refresh', pattern: REFRESH_TOKEN_PATTERN.source, maxLength: REFRESH_TOKEN_MAX_LENGTH })
  @IsString(NOT_A_REFRESH_TOKEN)
  @MaxLength(REFRESH_TOKEN_MAX_LENGTH, NOT_A_REFRESH_TOKEN)
  @Matches(REFRESH_TOKEN_PATTERN, NOT_A_REFRESH_TOKEN)
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'Also revoke the session of this refresh token', pattern: REFRESH_TOKEN_PATTERN.source, maxLength: REFRESH_TOKEN_MAX_LENGTH })
  @IsOptional()
  @IsString(NOT_A_REFRESH_TOKEN)
  @MaxLength(REFRESH_TOKEN_MAX_LENGTH, NOT_A_REFRESH_TOKEN)
  @Matches(REFRESH_TOKEN_PATTERN, NOT_A_REFRESH_TOKEN)
  refreshToken?: string;
}
