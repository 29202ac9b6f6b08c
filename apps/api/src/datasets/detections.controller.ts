import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { DETECTOR_NAMES, type DetectorName } from '@fairmarket/contract';
import { DetectionService, FindingsDocumentService } from '@fairmarket/detection';
import { DatasetService } from '@fairmarket/ingestion';
import { AuditLogService } from '@fairmarket/audit';
import type { Principal } from '@fairmarket/identity';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';

export class StartDetectionDto {
  @ApiPropertyOptional({ enum: ['cn', 'eu'], description: "Defaults to the dataset's rule pack" })
  @IsOptional()
  @IsIn(['cn', 'eu'])
  rule_pack?: 'cn' | 'eu';

  @ApiPropertyOptional({ enum: DETECTOR_NAMES, isArray: true, description: 'Run only these detectors (default: all)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DETECTOR_NAMES.length)
  @IsIn(DETECTOR_NAMES, { each: true })
  detectors?: DetectorName[];
}

export class FindingsQuery {
  @ApiProperty({ enum: ['cn', 'eu'], required: false })
  @IsOptional()
  @IsIn(['cn', 'eu'])
  rule_pack?: 'cn' | 'eu';
}

@ApiTags('detections')
@Controller('v1/datasets/:id')
export class DetectionsController {
  constructor(
    private readonly datasets: DatasetService,
    private readonly detection: DetectionService,
    private readonly documents: FindingsDocumentService,
    private readonly audit: AuditLogService,
  ) {}

  @Post('detections')
  @HttpCode(202)
  @Access({ roles: ['regulator', 'platform_compliance'], keyScope: 'datasets:write' })
  @ApiOperation({ summary: 'Run the detectors over the dataset (also started automatically when the dataset becomes ready)' })
  @ApiAcceptedResponse({ description: 'The queued run' })
  async start(@Param('id', ParseUUIDPipe) id: string, @Body() dto: StartDetectionDto) {
    return this.detection.start(id, { rulePack: dto.rule_pack, detectors: dto.detectors, reason: 'requested' });
  }

  @Get('detections/:runId')
  @Access({ roles: ['regulator', 'platform_compliance'], keyScope: 'datasets:read' })
  @ApiOperation({ summary: 'Status of a detection run' })
  run(@Param('id', ParseUUIDPipe) id: string, @Param('runId', ParseUUIDPipe) runId: string) {
    return this.detection.run(id, runId);
  }

  @Get('findings')
  @Access({ roles: ['regulator', 'platform_compliance'], keyScope: 'datasets:read' })
  @ApiOperation({ summary: 'The findings document (fairmarket.findings/v1) of the latest run; the read is audited (it holds evidence)' })
  async findings(@Param('id', ParseUUIDPipe) id: string, @Query() query: FindingsQuery, @CurrentPrincipal() principal: Principal) {
    const document = await this.documents.build(await this.datasets.get(id), query.rule_pack);
    await this.audit.append({ actorId: principal.userId, actorRole: principal.role, action: 'evidence.read', subjectType: 'dataset_findings', subjectId: id, detail: { rule_pack: query.rule_pack ?? null, via: principal.via } });
    return document;
  }
}
