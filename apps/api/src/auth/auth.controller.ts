import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@citymentor/domain';
import { appConfig, type AppConfig } from '../config/app.config';
import { CurrentActor, type Actor } from './actor';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { LogoutDto, RefreshDto } from './dto/refresh.dto';
import { SessionDto } from './dto/session.dto';
import { LocalAuthGuard } from './local-auth.guard';
import { Public } from './public.decorator';
import { CSRF_HEADER, LOST_ANSWER_LEEWAY_MS, REFRESH_COOKIE, RefreshCookie } from './refresh-cookie';

const CSRF_HEADER_DOC = {
  name: CSRF_HEADER,
  required: false,
  description: `Required (any value) when the request uses the ${REFRESH_COOKIE} cookie: tokenDelivery "cookie", or a logout that sends the cookie`,
};
const REFUSED_COOKIE_REQUEST = {
  description: `The refresh cookie was to be used without the ${CSRF_HEADER} header, or from an origin that is not allowed`,
};

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  private readonly cookie: RefreshCookie;

  constructor(
    private readonly auth: AuthService,
    @Inject(appConfig.KEY) config: AppConfig,
  ) {
    this.cookie = new RefreshCookie(config);
  }

  @Public()
  @UseGuards(ThrottlerGuard, LocalAuthGuard)
  @Post('login')
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description:
      'Open to anyone signed out. A correct e-mail and password start a new session: a short-lived access token and a refresh token (with tokenDelivery "cookie", the refresh token goes in an HttpOnly cookie instead of the body). Attempts are limited per account and per address (429).',
  })
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiOkResponse({
    type: SessionDto,
    description: `With tokenDelivery "cookie": the refresh token in the ${REFRESH_COOKIE} cookie (HttpOnly, SameSite=Strict, Path=/api/v1/auth), not in the body`,
  })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password' })
  @ApiForbiddenResponse(REFUSED_COOKIE_REQUEST)
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this account or from this address' })
  async login(
    @Req() request: FastifyRequest & { user: { userId: string } },
    @Body() dto: LoginDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    if (dto.tokenDelivery !== 'cookie') return this.auth.login(request.user.userId);
    this.cookie.assertCookieRequest(request);
    return this.inCookie(reply, await this.auth.login(request.user.userId));
  }

  @Public()
  @Post('refresh')
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description:
      'Open without an access token: the refresh token is the credential. Refresh tokens are single use: each call returns a new access token and a new refresh token, and a token presented a second time ends its whole session (401).',
  })
  @HttpCode(200)
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiOkResponse({
    type: SessionDto,
    description: `With tokenDelivery "cookie": the token is taken from the body or else from the ${REFRESH_COOKIE} cookie, and the new one is set in the cookie`,
  })
  @ApiUnauthorizedResponse({
    description:
      'Invalid, expired, revoked or reused refresh token (with tokenDelivery "cookie" the cookie is cleared)',
  })
  @ApiForbiddenResponse(REFUSED_COOKIE_REQUEST)
  async refresh(
    @Req() request: FastifyRequest,
    @Body() dto: RefreshDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    if (dto.tokenDelivery !== 'cookie') return this.auth.refresh(dto.refreshToken!);
    this.cookie.assertCookieRequest(request);
    const token = dto.refreshToken ?? this.cookie.read(request);
    try {
      if (token === undefined)
        throw new DomainError('INVALID_TOKEN', `There is no ${REFRESH_COOKIE} cookie; sign in again`);
      return this.inCookie(reply, await this.auth.refresh(token, { lostAnswerLeewayMs: LOST_ANSWER_LEEWAY_MS }));
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'INVALID_TOKEN' || error.code === 'TOKEN_REUSED'))
        this.cookie.clear(reply);
      throw error;
    }
  }

  @ApiBearerAuth()
  @Post('logout')
  @ApiOperation({
    summary: 'Sign out and end the session',
    description:
      'Any signed-in user. Ends the session of the access token used, and also the sessions of any refresh token sent in the body or cookie, if they are yours.',
  })
  @HttpCode(204)
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiNoContentResponse({
    description: `The session is ended (and the refresh token's and the ${REFRESH_COOKIE} cookie's, whose cookie is cleared)`,
  })
  @ApiForbiddenResponse(REFUSED_COOKIE_REQUEST)
  async logout(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Body() dto: LogoutDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const fromCookie = this.cookie.read(request);
    if (fromCookie !== undefined) this.cookie.assertCookieRequest(request);
    await this.auth.logout(actor, [dto.refreshToken, fromCookie]);
    if (fromCookie !== undefined) this.cookie.clear(reply);
  }

  /** The refresh token into the cookie, out of the answer. */
  private inCookie(reply: FastifyReply, { refreshToken, ...session }: SessionDto): SessionDto {
    this.cookie.set(reply, refreshToken!);
    return session;
  }
}
