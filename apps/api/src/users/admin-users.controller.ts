import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { ApiErrors } from '../http/api-errors';
import { UuidPipe } from '../http/params';
import { AccountErasureService } from './account-erasure.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly erasure: AccountErasureService) {}

  @Delete(':id')
  @ApiOperation({
    summary: "Erase someone's account on their request",
    description:
      'The installation admin only (anyone else gets 404): erases the account as DELETE /me does (GDPR art. 17). 404 for an unknown or already erased account; 409 for your own (use DELETE /me).',
  })
  @HttpCode(204)
  @ApiErrors(404, 409)
  @ApiNoContentResponse({ description: 'Erased; their sessions and sockets have ended' })
  async erase(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.erasure.eraseByAdmin(actor, id);
  }
}
