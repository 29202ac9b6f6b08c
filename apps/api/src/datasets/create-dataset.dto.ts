import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export class CreateDatasetDto {
  @ApiProperty({ example: 'March 2026 pricing logs' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ['self_audit', 'submission'], description: 'self_audit: private to the platform; submission: visible to regulators' })
  @IsIn(['self_audit', 'submission'])
  scope!: 'self_audit' | 'submission';

  @ApiPropertyOptional({ description: 'When set, every line must carry this platform_id' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'platform_id must be an id of at most 128 characters from [A-Za-z0-9._:-]' })
  platform_id?: string;

  @ApiPropertyOptional({ enum: ['cn', 'eu'], default: 'cn' })
  @IsOptional()
  @IsIn(['cn', 'eu'])
  rule_pack?: 'cn' | 'eu';
}
