import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/**
 * Where the refresh token goes: `body` (the default, for API clients) or `cookie` — an HttpOnly,
 * SameSite=Strict cookie scoped to /api/v1/auth, never in the answer, so a script on the page cannot
 * read it (the web client). Cookie requests must carry `X-Requested-With` (docs/security.md).
 */
export const TOKEN_DELIVERIES = ['body', 'cookie'] as const;
export type TokenDelivery = (typeof TOKEN_DELIVERIES)[number];

export const TokenDeliveryProperty = () =>
  applyDecorators(
    ApiPropertyOptional({
      enum: TOKEN_DELIVERIES,
      enumName: 'TokenDelivery',
      default: 'body',
      description:
        '"cookie": the refresh token is set as an HttpOnly cookie (Path=/api/v1/auth) and left out of the answer; the request must carry an X-Requested-With header. "body" (default): it is in the answer.',
    }),
    IsOptional(),
    IsIn(TOKEN_DELIVERIES, { message: `tokenDelivery must be one of ${TOKEN_DELIVERIES.join(', ')}` }),
  );
