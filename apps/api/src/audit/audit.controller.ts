import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AuditLogService } from '@fairmarket/audit';
import { Access } from '../auth/access.decorator';

export class AuditQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64)
  subject_type?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128)
  subject_id?: string;

  @ApiPropertyOptional({ description: 'Entries after this sequence number (paging)' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  after?: number;

  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;
}

@ApiTags('audit')
@Controller('v1/audit')
@Access({ roles: ['regulator', 'admin'] })
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  @ApiOperation({ summary: 'Audit trail entries in order, with their hashes' })
  list(@Query() query: AuditQuery) {
    return this.audit.list({ subjectType: query.subject_type, subjectId: query.subject_id, afterSeq: query.after, limit: query.limit ?? 100 });
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the hash chain; names the first broken link' })
  verify() {
    return this.audit.verify();
  }
}
