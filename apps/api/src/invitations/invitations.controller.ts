import { Body, Controller, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { SessionDto } from '../auth/dto/session.dto';
import { Public } from '../auth/public.decorator';
import { UuidPipe } from '../http/params';
import {
  AcceptInvitationDto,
  CreatedInvitationDto,
  CreateInvitationDto,
  InvitationDto,
  InvitationPreviewDto,
} from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';
import { InvitationTokenPipe } from './invitation-token.pipe';
import { ApiErrors } from '../http/api-errors';

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @ApiBearerAuth()
  @Post('programmes/:id/invitations')
  @ApiOperation({ summary: 'Invite someone to a programme' })
  @ApiCreatedResponse({ type: CreatedInvitationDto })
  invite(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreateInvitationDto,
  ): Promise<CreatedInvitationDto> {
    return this.invitations.invite(actor, id, dto);
  }

  @ApiBearerAuth()
  @Get('programmes/:id/invitations')
  @ApiOperation({ summary: "List a programme's invitations" })
  @ApiErrors(403)
  @ApiOkResponse({ type: [InvitationDto] })
  list(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<InvitationDto[]> {
    return this.invitations.list(actor, id);
  }

  @Public()
  @Get('invitations/:token')
  @ApiOperation({ summary: 'Preview an invitation by its token' })
  @ApiErrors(409)
  @ApiOkResponse({ type: InvitationPreviewDto })
  preview(@Param('token', InvitationTokenPipe) token: string): Promise<InvitationPreviewDto> {
    return this.invitations.preview(token);
  }

  @Public()
  @Post('invitations/:token/accept')
  @ApiOperation({ summary: 'Accept an invitation' })
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDto, description: 'You are a member now, and signed in' })
  @ApiBadRequestResponse({
    description:
      'A field is missing or malformed, or the new password is too easy to guess (the message says why and what would pass)',
  })
  @ApiTooManyRequestsResponse({
    description:
      'Too many password attempts for this account or from this address (counted with sign-in); see Retry-After',
  })
  @ApiErrors(401)
  accept(
    @Param('token', InvitationTokenPipe) token: string,
    @Body() dto: AcceptInvitationDto,
    @Ip() ip: string,
  ): Promise<SessionDto> {
    return this.invitations.accept(token, dto, ip);
  }
}
