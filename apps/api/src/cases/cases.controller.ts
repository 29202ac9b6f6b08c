import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@fairmarket/identity';
import { CaseService } from '@fairmarket/workflow';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { CaseNoteDto, CasePartyDto, CaseQuery, CaseTaskDto, CaseTransitionDto, MergeAlertsDto, OpenCaseDto } from './cases.dto';

/** Enforcement cases: regulators only (and row policies agree). */
@ApiTags('cases')
@Controller('v1/cases')
@Access({ roles: ['regulator'] })
export class CasesController {
  constructor(private readonly cases: CaseService) {}

  @Post()
  @ApiOperation({ summary: 'Open a case from alerts of one platform, with a handler and a different approver; starts the legal clocks' })
  open(@Body() dto: OpenCaseDto, @CurrentPrincipal() principal: Principal) {
    return this.cases.open(dto, principal);
  }

  @Get()
  @ApiOperation({ summary: 'Cases with their clocks and overdue flags' })
  list(@Query() query: CaseQuery) {
    return this.cases.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A case: alerts, parties, tasks, timeline and clocks (the read is audited)' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.cases.get(id, principal);
  }

  @Post(':id/alerts')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge more alerts of the same platform into the case' })
  merge(@Param('id', ParseUUIDPipe) id: string, @Body() dto: MergeAlertsDto, @CurrentPrincipal() principal: Principal) {
    return this.cases.mergeAlerts(id, dto.alert_ids, principal);
  }

  @Post(':id/transition')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the case: the handler works it, only the approver decides' })
  transition(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CaseTransitionDto, @CurrentPrincipal() principal: Principal) {
    return this.cases.transition(id, dto.to, dto.decision, principal);
  }

  @Post(':id/notes')
  @ApiOperation({ summary: 'Add a note to the timeline' })
  note(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CaseNoteDto, @CurrentPrincipal() principal: Principal) {
    return this.cases.note(id, dto.text, principal);
  }

  @Post(':id/parties')
  @ApiOperation({ summary: 'Add a party: respondent, complainant, witness' })
  party(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CasePartyDto, @CurrentPrincipal() principal: Principal) {
    return this.cases.addParty(id, dto, principal);
  }

  @Post(':id/tasks')
  @ApiOperation({ summary: 'Add a task' })
  task(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CaseTaskDto, @CurrentPrincipal() principal: Principal) {
    return this.cases.addTask(id, dto, principal);
  }

  @Post(':id/tasks/:taskId/done')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a task done' })
  done(@Param('id', ParseUUIDPipe) id: string, @Param('taskId', ParseUUIDPipe) taskId: string, @CurrentPrincipal() principal: Principal) {
    return this.cases.completeTask(id, taskId, principal);
  }
}
