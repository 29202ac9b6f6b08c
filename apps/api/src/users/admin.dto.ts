import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ORGANISATION_KINDS, ROLES, type OrganisationKind, type Role } from '@fairmarket/identity';

export class CreateOrganisationDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS }) @IsIn(ORGANISATION_KINDS, { message: `kind must be one of ${ORGANISATION_KINDS.join(', ')}` })
  kind!: OrganisationKind;

  @ApiPropertyOptional({ description: 'Only for kind=platform: the platform_id its datasets carry' })
  @IsOptional() @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'platform_id must be 1-128 characters from A-Z a-z 0-9 . _ : -' })
  platform_id?: string;
}

export class CreateUserDto {
  @ApiProperty() @IsUUID('all', { message: 'org_id must be the id of an organisation' })
  org_id!: string;

  @ApiProperty() @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(254)
  email!: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200)
  display_name!: string;

  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12, { message: 'password must be at least 12 characters' }) @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: ROLES }) @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;
}
