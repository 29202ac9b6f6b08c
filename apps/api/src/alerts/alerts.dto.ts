import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { ALERT_STATUSES, CLOSE_REASONS, type AlertStatus, type CloseReason } from '@fairmarket/workflow';

const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value);
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class AlertQuery {
  @ApiPropertyOptional({ description: 'Comma-separated: new,triaged,…' }) @IsOptional() @Transform(list) @IsIn(ALERT_STATUSES, { each: true })
  status?: AlertStatus[];

  @ApiPropertyOptional({ description: 'Comma-separated: high,medium,low' }) @IsOptional() @Transform(list) @IsIn(['high', 'medium', 'low'], { each: true })
  severity?: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128)
  platform_id?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64)
  detector?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  assignee_id?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(bool) @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ enum: ['created_at', 'due_at', 'severity', 'updated_at'] }) @IsOptional() @IsIn(['created_at', 'due_at', 'severity', 'updated_at'])
  sort?: 'created_at' | 'due_at' | 'severity' | 'updated_at';

  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  page?: number;

  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  per_page?: number;
}

export class TransitionDto {
  @ApiProperty({ enum: ALERT_STATUSES }) @IsIn(ALERT_STATUSES, { message: `to must be one of ${ALERT_STATUSES.join(', ')}` })
  to!: AlertStatus;

  @ApiPropertyOptional({ enum: CLOSE_REASONS }) @IsOptional() @IsIn(CLOSE_REASONS, { message: `reason must be one of ${CLOSE_REASONS.join(', ')}` })
  reason?: CloseReason;
}

export class AssignDto {
  @ApiProperty({ nullable: true, description: 'A regulator user id, or null to unassign' }) @ValidateIf((o) => o.assignee_id !== null) @IsUUID()
  assignee_id!: string | null;
}

export class CommentDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(10000)
  text!: string;

  @ApiPropertyOptional({ description: 'Shared comments are visible to the platform once notified', default: false }) @IsOptional() @IsBoolean()
  shared?: boolean;
}

export class ResponseDto {
  @ApiProperty({ description: 'What the platform did to rectify, or why it disagrees' }) @IsString() @MinLength(1) @MaxLength(20000)
  note!: string;
}

export class BulkDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID('all', { each: true })
  ids!: string[];

  @ApiProperty({ enum: ['transition', 'assign'] }) @IsIn(['transition', 'assign'])
  action!: 'transition' | 'assign';

  @ApiPropertyOptional({ enum: ALERT_STATUSES }) @ValidateIf((o) => o.action === 'transition') @IsIn(ALERT_STATUSES)
  to?: AlertStatus;

  @ApiPropertyOptional({ enum: CLOSE_REASONS }) @IsOptional() @IsIn(CLOSE_REASONS)
  reason?: CloseReason;

  @ApiPropertyOptional({ nullable: true }) @ValidateIf((o) => o.action === 'assign' && o.assignee_id !== null) @IsUUID()
  assignee_id?: string | null;
}
