import { Body, Controller, ForbiddenException, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { DatasetService, IngestionReportService } from '@fairmarket/ingestion';
import type { Principal } from '@fairmarket/identity';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { DatasetSubmissionService } from './dataset-submission.service';
import { CreateDatasetDto } from './create-dataset.dto';
import { MultipartUploadService } from './multipart-upload.service';

@ApiTags('datasets')
@Controller('v1/datasets')
export class DatasetsController {
  constructor(
    private readonly datasets: DatasetService,
    private readonly reports: IngestionReportService,
    private readonly uploads: MultipartUploadService,
    private readonly submissions: DatasetSubmissionService,
  ) {}

  @Post()
  @Access({ roles: ['regulator', 'platform_compliance'], keyScope: 'datasets:write' })
  @ApiOperation({ summary: "Create a dataset to upload log files into (a platform's datasets always carry its own platform_id)" })
  @ApiCreatedResponse({ description: 'The dataset' })
  create(@Body() dto: CreateDatasetDto, @CurrentPrincipal() principal: Principal) {
    if (principal.role === 'platform_compliance') {
      if (dto.platform_id && dto.platform_id !== principal.platformId) {
        throw new ForbiddenException({ code: 'other_platform', message: `You speak for platform ${principal.platformId}, not ${dto.platform_id}; omit platform_id or use your own.`, message_zh: `您只能代表平台 ${principal.platformId} 提交数据。` });
      }
      return this.datasets.create({ ...dto, platform_id: principal.platformId });
    }
    return this.datasets.create(dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Access({ roles: ['platform_compliance'], keyScope: 'datasets:write' })
  @ApiOperation({ summary: 'Submit a self-audit dataset to the regulator: from now on regulators see it and its findings become alerts' })
  submit(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.submissions.submit(id, principal);
  }

  @Get()
  @Access({ roles: ['regulator', 'platform_compliance'], keyScope: 'datasets:read' })
  @ApiOperation({ summary: 'List datasets, newest first' })
  list() {
    return this.datasets.list();
  }

  @Get(':id')
  @Access({ roles: ['regulator', 'platform_compliance'], keyScope: 'datasets:read' })
  @ApiOperation({ summary: 'A dataset, its status and the progress of each file' })
  async get(@Param('id', ParseUUIDPipe) id: string) {
    const dataset = await this.datasets.get(id);
    const files = await this.datasets.files(id);
    return { ...dataset, files: files.map((f) => this.reports.progress(f)) };
  }

  @Post(':id/files')
  @HttpCode(202)
  @Access({ roles: ['regulator', 'platform_compliance'], keyScope: 'datasets:write' })
  @ApiOperation({ summary: 'Upload dataset files (multipart field "files"); each is ingested by a queued job' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } })
  @ApiAcceptedResponse({ description: 'Files stored and queued for ingestion' })
  @ApiPayloadTooLargeResponse({ description: 'A file over MAX_UPLOAD_BYTES, or more than MAX_FILES_PER_UPLOAD files' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not multipart, or a file that is not a known dataset file' })
  async upload(@Param('id', ParseUUIDPipe) id: string, @Req() req: Request) {
    await this.datasets.get(id);
    const stored = await this.uploads.receive(req, id);
    const files = await this.datasets.addFiles(id, stored);
    return { dataset_id: id, files: files.map((f) => this.reports.progress(f)) };
  }

  @Get(':id/files/:fileId')
  @Access({ roles: ['regulator', 'platform_compliance'], keyScope: 'datasets:read' })
  @ApiOperation({ summary: 'Progress and rejections of one uploaded file' })
  async file(@Param('id', ParseUUIDPipe) id: string, @Param('fileId', ParseUUIDPipe) fileId: string, @Query('limit') limit?: string) {
    const file = await this.datasets.file(id, fileId);
    const rejections = await this.reports.rejections([file.id], clampLimit(limit));
    return { ...this.reports.progress(file), rejections: rejections.map((r) => ({ line: r.line, field: r.field, reason: r.reason })) };
  }

  @Get(':id/report')
  @Access({ roles: ['regulator', 'platform_compliance'], keyScope: 'datasets:read' })
  @ApiOperation({ summary: 'Ingestion report: lines, accepted and rejected per file kind, first rejections, counts by reason' })
  async report(@Param('id', ParseUUIDPipe) id: string, @Query('limit') limit?: string) {
    const dataset = await this.datasets.get(id);
    return { dataset_id: id, status: dataset.status, ...(await this.reports.report(id, clampLimit(limit))) };
  }
}

function clampLimit(limit: string | undefined): number {
  const n = Number(limit ?? 1000);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10000) : 1000;
}
