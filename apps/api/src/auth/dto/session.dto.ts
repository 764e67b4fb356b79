import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { User } from '@citymentor/domain';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty() isAdmin: boolean;
}

export const toUserDto = (u: Pick<User, 'id' | 'email' | 'name' | 'isAdmin'>): UserDto => ({
  id: u.id,
  email: u.email,
  name: u.name,
  isAdmin: u.isAdmin,
});

export class SessionDto {
  @ApiProperty({ description: 'Short-lived JWT; send as "Authorization: Bearer <token>"' }) accessToken: string;
  @ApiProperty({ type: 'integer', description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiPropertyOptional({
    description:
      'Opaque, single use: exchange at /auth/refresh for a new pair. Absent when tokenDelivery is "cookie": it is in the HttpOnly refresh cookie then',
  })
  refreshToken?: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
}
