import { ApiProperty } from '@nestjs/swagger';
import { PROGRAMME_ROLES, type ProgrammeRole } from '@citymentor/contracts';
import { UserDto } from '../auth/dto/session.dto';
import { OrganisationDto } from '../programmes/dto/programme.dto';

export class MyProgrammeRoleDto {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() programmeName: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation you act for in this programme' })
  organisationId: string;
  @ApiProperty({ enum: PROGRAMME_ROLES, enumName: 'ProgrammeRole' }) role: ProgrammeRole;
}

export class MeDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({ type: [OrganisationDto] }) organisations: OrganisationDto[];
  @ApiProperty({ type: [MyProgrammeRoleDto] }) programmes: MyProgrammeRoleDto[];
}
