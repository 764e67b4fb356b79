import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { AUDIT_ACTIONS, AUDIT_SUBJECTS, type AuditAction, type AuditSubject } from '@citymentor/contracts';
import { Optional } from '../../http/validators';

export const AUDIT_PAGE_SIZE = 50;

export class AuditQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, enumName: 'AuditAction', description: 'Only entries of this action' })
  @Optional()
  @IsIn([...AUDIT_ACTIONS], { message: `action must be one of: ${AUDIT_ACTIONS.join(', ')}` })
  action?: AuditAction;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10_000, default: 1, description: 'Page number' })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1)
  @Max(10_000)
  page?: number;
}

/**
 * A person as a record shows them: their name while their account lives; once erased, no name and
 * `former: true`, to be shown as "a former member of <organisation>".
 */
export class PersonRefDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the system' })
  id: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null once the account is erased' })
  name: string | null;
  @ApiProperty({ description: 'The account was erased: show "a former member of <organisation>"' })
  former: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The organisation they acted for ("installation" for its admin)',
  })
  organisation: string | null;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' }) action: AuditAction;
  @ApiProperty({ type: PersonRefDto }) actor: PersonRefDto;
  @ApiProperty({ enum: AUDIT_SUBJECTS, enumName: 'AuditSubject' }) subjectType: AuditSubject;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) programmeId: string | null;
  @ApiProperty({ type: String, nullable: true }) programmeName: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What changed: ids, roles, organisation names (no personal data)',
  })
  details: Record<string, unknown>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto], description: 'Newest first' }) items: AuditEntryDto[];
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ description: 'Whether an older page follows' }) hasMore: boolean;
}
