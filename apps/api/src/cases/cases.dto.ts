import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CASE_STATUSES, type CaseStatus } from '@fairmarket/workflow';

export class OpenCaseDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({ type: [String], description: 'Alerts the case starts from (all of one platform)' }) @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true })
  alert_ids?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Complaints the case starts from (same platform)' }) @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true })
  complaint_ids?: string[];

  @ApiProperty({ description: 'The regulator who works the case' }) @IsUUID()
  handler_id!: string;

  @ApiProperty({ description: 'The regulator who approves the decision; not the handler' }) @IsUUID()
  approver_id!: string;
}

export class MergeAlertsDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID('all', { each: true })
  alert_ids!: string[];
}

export class CaseTransitionDto {
  @ApiProperty({ enum: CASE_STATUSES }) @IsIn(CASE_STATUSES, { message: `to must be one of ${CASE_STATUSES.join(', ')}` })
  to!: CaseStatus;

  @ApiPropertyOptional({ description: 'Required when deciding' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(20000)
  decision?: string;
}

export class CaseNoteDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(20000)
  text!: string;
}

export class CasePartyDto {
  @ApiProperty({ enum: ['respondent', 'complainant', 'witness', 'other'] }) @IsIn(['respondent', 'complainant', 'witness', 'other'])
  role!: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300)
  name!: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  organisation_id?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000)
  detail?: string;
}

export class CaseTaskDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300)
  title!: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  assignee_id?: string;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }, { message: 'due_at must be an RFC 3339 timestamp' })
  due_at?: string;
}

export class CaseQuery {
  @ApiPropertyOptional({ description: 'Comma-separated statuses' }) @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value)) @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];

  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  page?: number;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  per_page?: number;
}
