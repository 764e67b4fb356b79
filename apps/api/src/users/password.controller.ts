import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { ChangePasswordDto } from './password.dto';
import { PasswordService } from './password.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me/password')
export class PasswordController {
  constructor(private readonly passwords: PasswordService) {}

  /** Changes the password and signs out everywhere, sockets included: sign in again with the new one. */
  @Post()
  @ApiOperation({
    summary: 'Change your password',
    description:
      'Any signed-in user, for their own account, giving the current password (403 WRONG_PASSWORD if it is wrong). On success every session of yours ends, realtime connections included: sign in again with the new password. Attempts count towards the sign-in limits.',
  })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; every session of yours has ended' })
  @ApiBadRequestResponse({
    description:
      'A field is missing or malformed (newPassword: 10 to 200 characters), or newPassword is too easy to guess (the message says why and what would pass)',
  })
  @ApiForbiddenResponse({ description: 'WRONG_PASSWORD: the current password is wrong; nothing changed' })
  @ApiTooManyRequestsResponse({
    description:
      'Too many password attempts for this account or from this address (counted with sign-in); see Retry-After',
  })
  async change(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Ip() ip: string): Promise<void> {
    await this.passwords.change(actor, dto, ip);
  }
}
