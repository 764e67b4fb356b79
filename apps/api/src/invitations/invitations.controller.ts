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
  @ApiOperation({
    summary: 'Invite someone to a programme',
    description:
      "The programme's coordinators and the installation admin; other members get 403. The organisation must be in the programme already; the role defaults from it (city-member for a city, expert for a partner), and coordinator is only for the coordinating organisation. The worker e-mails the invitee the link (once); the answer's acceptUrl holds the same one-time token, shown in this answer only. An e-mail that is a member already is 409.",
  })
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
  @ApiOperation({
    summary: "List a programme's invitations",
    description:
      "The programme's coordinators and the installation admin; other members get 403. Every invitation, newest first, with its status (pending, accepted, expired, revoked), when its link was sent and e-mailed and when it expires; the tokens are not shown again.",
  })
  @ApiErrors(403)
  @ApiOkResponse({ type: [InvitationDto] })
  list(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<InvitationDto[]> {
    return this.invitations.list(actor, id);
  }

  @ApiBearerAuth()
  @Post('programmes/:id/invitations/:invitationId/resend')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Resend an invitation with a new link',
    description:
      "The programme's coordinators and the installation admin; other members get 403, people outside the programme 404. A pending or expired invitation gets a new token and a new expiry: the old link is dead at once, and the new one is e-mailed to the invitee (once) and shown in acceptUrl, in this answer only. An accepted or revoked invitation, or an e-mail that became a member meanwhile, is 409.",
  })
  @ApiOkResponse({ type: CreatedInvitationDto })
  resend(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('invitationId', UuidPipe) invitationId: string,
  ): Promise<CreatedInvitationDto> {
    return this.invitations.resend(actor, id, invitationId);
  }

  @ApiBearerAuth()
  @Post('programmes/:id/invitations/:invitationId/revoke')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke an invitation',
    description:
      "The programme's coordinators and the installation admin; other members get 403, people outside the programme 404. The link is dead at once and answers as an unknown one (404); an e-mail not sent yet is not sent. Revoking again changes nothing; an accepted invitation is 409.",
  })
  @ApiOkResponse({ type: InvitationDto })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('invitationId', UuidPipe) invitationId: string,
  ): Promise<InvitationDto> {
    return this.invitations.revoke(actor, id, invitationId);
  }

  @Public()
  @Get('invitations/:token')
  @ApiOperation({
    summary: 'Preview an invitation by its token',
    description:
      'Open to anyone with the link, no sign-in needed. Says which programme, organisation, role and e-mail the invitation is for, and accountExists: whether accepting asks for the current password or for a name and a new password. An unknown, expired or revoked token is 404; one already accepted is 409.',
  })
  @ApiErrors(409)
  @ApiOkResponse({ type: InvitationPreviewDto })
  preview(@Param('token', InvitationTokenPipe) token: string): Promise<InvitationPreviewDto> {
    return this.invitations.preview(token);
  }

  @Public()
  @Post('invitations/:token/accept')
  @ApiOperation({
    summary: 'Accept an invitation',
    description:
      'Open to anyone with the link, no sign-in needed. Someone new gives a name and a new password and gets an account; someone who has one gives its current password (401 if wrong). Either way they join the programme and are signed in; an unknown, expired or revoked token is 404, an invitation already accepted 409.',
  })
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
