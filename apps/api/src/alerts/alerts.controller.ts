import { Body, Controller, Get, HttpCode, HttpException, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createReadStream } from 'node:fs';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@fairmarket/identity';
import { AlertService } from '@fairmarket/workflow';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ComplaintAttachmentsService } from '../complaints/complaint-attachments.service';
import { AlertQuery, AssignDto, BulkDto, CommentDto, ResponseDto, TransitionDto } from './alerts.dto';

@ApiTags('alerts')
@Controller('v1/alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertService,
    private readonly files: ComplaintAttachmentsService,
    @Inject(APP_CONFIG) private readonly config: Environment,
  ) {}

  @Get()
  @Access({ roles: ['regulator', 'platform_compliance'] })
  @ApiOperation({ summary: 'Alerts, filtered, sorted and paginated (a platform sees its own once notified)' })
  list(@Query() query: AlertQuery) {
    return this.alerts.list(query);
  }

  @Post('bulk')
  @HttpCode(200)
  @Access({ roles: ['regulator'] })
  @ApiOperation({ summary: 'Apply one transition or assignment to many alerts; reports each alert’s outcome' })
  async bulk(@Body() dto: BulkDto, @CurrentPrincipal() principal: Principal) {
    const results = [];
    for (const id of dto.ids) {
      try {
        const alert = dto.action === 'transition' ? await this.alerts.transition(id, dto.to!, dto.reason, principal) : await this.alerts.assign(id, dto.assignee_id ?? null, principal);
        results.push({ id, ok: true, status: alert.status });
      } catch (error) {
        if (!(error instanceof HttpException)) throw error;
        results.push({ id, ok: false, error: error.getResponse() });
      }
    }
    return { results };
  }

  @Get(':id')
  @Access({ roles: ['regulator', 'platform_compliance'] })
  @ApiOperation({ summary: 'One alert with its finding, evidence and history (the read is audited)' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.alerts.get(id, principal);
  }

  @Post(':id/transition')
  @HttpCode(200)
  @Access({ roles: ['regulator'] })
  @ApiOperation({ summary: 'Move an alert to another state (closing needs a reason)' })
  transition(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionDto, @CurrentPrincipal() principal: Principal) {
    return this.alerts.transition(id, dto.to, dto.reason, principal);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Access({ roles: ['regulator'] })
  @ApiOperation({ summary: 'Assign an alert to a regulator (or unassign with null)' })
  assign(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AssignDto, @CurrentPrincipal() principal: Principal) {
    return this.alerts.assign(id, dto.assignee_id, principal);
  }

  @Post(':id/comments')
  @Access({ roles: ['regulator'] })
  @ApiOperation({ summary: 'Comment on an alert: internal, or shared with the platform' })
  comment(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CommentDto, @CurrentPrincipal() principal: Principal) {
    return this.alerts.comment(id, dto.text, dto.shared ?? false, principal);
  }

  @Post(':id/notify')
  @HttpCode(200)
  @Access({ roles: ['regulator'] })
  @ApiOperation({ summary: 'Notify the platform concerned: it then sees the alert and may answer' })
  notify(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.alerts.notify(id, principal);
  }

  @Post(':id/response')
  @HttpCode(200)
  @Access({ roles: ['platform_compliance'] })
  @ApiOperation({ summary: "The platform's answer: a rectification note" })
  respond(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ResponseDto, @CurrentPrincipal() principal: Principal) {
    return this.alerts.respond(id, dto.note, principal);
  }

  @Post(':id/evidence')
  @Access({ roles: ['platform_compliance'] })
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Evidence files with the platform’s answer (field "files"; PNG, JPEG, WebP, PDF; size and count limited)' })
  async evidence(@Param('id', ParseUUIDPipe) id: string, @Req() req: Request, @CurrentPrincipal() principal: Principal) {
    const room = this.config.COMPLAINT_ATTACHMENTS_MAX - (await this.alerts.evidenceCount(id));
    if (room <= 0) throw new HttpException({ code: 'too_many_attachments', message: `An alert holds at most ${this.config.COMPLAINT_ATTACHMENTS_MAX} evidence files.`, message_zh: '证据文件数量已达上限。' }, 422);
    const stored = await this.files.receive(req, `alerts/${id}`, room);
    return this.alerts.addEvidence(id, stored, principal);
  }

  @Get(':id/evidence/:evidenceId')
  @Access({ roles: ['regulator', 'platform_compliance'] })
  @ApiOperation({ summary: 'Download an evidence file (the read is audited)' })
  async evidenceFile(@Param('id', ParseUUIDPipe) id: string, @Param('evidenceId', ParseUUIDPipe) evidenceId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    const file = await this.alerts.evidenceFile(id, evidenceId, principal);
    res.setHeader('content-type', file.content_type);
    res.setHeader('content-disposition', `attachment; filename="${file.file_name}"`);
    return new StreamableFile(createReadStream(file.storage_path));
  }
}
