import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createReadStream } from 'node:fs';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import { Inject } from '@nestjs/common';
import type { Principal } from '@fairmarket/identity';
import { ComplaintService } from '@fairmarket/workflow';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ComplaintAttachmentsService } from './complaint-attachments.service';
import { ComplaintQuery, ComplaintStatusDto, SubmitComplaintDto } from './complaints.dto';

@ApiTags('complaints')
@Controller('v1/complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintService,
    private readonly attachments: ComplaintAttachmentsService,
    @Inject(APP_CONFIG) private readonly config: Environment,
  ) {}

  @Post()
  @Access({ roles: ['consumer_group'] })
  @ApiOperation({ summary: 'Submit a structured complaint; duplicates are recognised, a platform+sku complaint triggers a targeted detection' })
  submit(@Body() dto: SubmitComplaintDto, @CurrentPrincipal() principal: Principal) {
    return this.complaints.submit(dto, principal);
  }

  @Get()
  @Access({ roles: ['consumer_group', 'regulator'] })
  @ApiOperation({ summary: "Complaints: a consumer group's own, or all for a regulator" })
  list(@Query() query: ComplaintQuery) {
    return this.complaints.list(query);
  }

  @Get(':id')
  @Access({ roles: ['consumer_group', 'regulator'] })
  @ApiOperation({ summary: 'A complaint and its status (regulators also see the alerts it led to)' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.complaints.get(id, principal);
  }

  @Post(':id/attachments')
  @Access({ roles: ['consumer_group'] })
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Attach screenshots or PDFs (field "files"; PNG, JPEG, WebP, PDF; size and count limited)' })
  async attach(@Param('id', ParseUUIDPipe) id: string, @Req() req: Request, @CurrentPrincipal() principal: Principal) {
    const count = await this.complaints.attachmentCount(id);
    const room = this.config.COMPLAINT_ATTACHMENTS_MAX - count;
    this.complaints.assertCanAttach(count, 1, this.config.COMPLAINT_ATTACHMENTS_MAX);
    const files = await this.attachments.receive(req, `complaints/${id}`, room);
    return this.complaints.addAttachments(id, files, principal);
  }

  @Get(':id/attachments/:attachmentId')
  @Access({ roles: ['consumer_group', 'regulator'] })
  @ApiOperation({ summary: 'Download an attachment (the read is audited)' })
  async download(@Param('id', ParseUUIDPipe) id: string, @Param('attachmentId', ParseUUIDPipe) attachmentId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    const file = await this.complaints.attachment(id, attachmentId, principal);
    res.setHeader('content-type', file.content_type);
    res.setHeader('content-disposition', `attachment; filename="${file.file_name}"`);
    return new StreamableFile(createReadStream(file.storage_path));
  }

  @Post(':id/status')
  @HttpCode(200)
  @Access({ roles: ['regulator'] })
  @ApiOperation({ summary: 'Set the status the submitter follows, with a note' })
  status(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ComplaintStatusDto, @CurrentPrincipal() principal: Principal) {
    return this.complaints.setStatus(id, dto.status, dto.note, principal);
  }
}
