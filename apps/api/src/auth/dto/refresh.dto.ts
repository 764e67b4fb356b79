import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { REFRESH_TOKEN_MAX_LENGTH, REFRESH_TOKEN_PATTERN } from '../refresh-token-format';
import { TokenDeliveryProperty, type TokenDelivery } from './token-delivery';

const NOT_A_REFRESH_TOKEN = { message: 'refreshToken is not a refresh token' };

export class RefreshDto {
  @ApiPropertyOptional({
    description:
      'The refresh token from sign-in or the last refresh. Required unless tokenDelivery is "cookie": then the refresh cookie is used when it is left out.',
    pattern: REFRESH_TOKEN_PATTERN.source,
    maxLength: REFRESH_TOKEN_MAX_LENGTH,
  })
  @ValidateIf((dto: RefreshDto) => dto.tokenDelivery !== 'cookie' || dto.refreshToken !== undefined)
  @IsString(NOT_A_REFRESH_TOKEN)
  @MaxLength(REFRESH_TOKEN_MAX_LENGTH, NOT_A_REFRESH_TOKEN)
  @Matches(REFRESH_TOKEN_PATTERN, NOT_A_REFRESH_TOKEN)
  refreshToken?: string;

  @TokenDeliveryProperty()
  tokenDelivery?: TokenDelivery;
}

export class LogoutDto {
  @ApiPropertyOptional({
    description:
      'Also revoke the session of this refresh token (the refresh cookie, when sent, is revoked and cleared too)',
    pattern: REFRESH_TOKEN_PATTERN.source,
    maxLength: REFRESH_TOKEN_MAX_LENGTH,
  })
  @IsOptional()
  @IsString(NOT_A_REFRESH_TOKEN)
  @MaxLength(REFRESH_TOKEN_MAX_LENGTH, NOT_A_REFRESH_TOKEN)
  @Matches(REFRESH_TOKEN_PATTERN, NOT_A_REFRESH_TOKEN)
  refreshToken?: string;
}
