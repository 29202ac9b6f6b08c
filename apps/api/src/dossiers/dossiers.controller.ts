import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Response } from 'express';
import type { Principal } from '@fairmarket/identity';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { DossiersService } from './dossiers.service';
import { sendBundle } from './send-bundle';

export class RequestDossierDto {
  @ApiProperty({ type: [String], description: 'Ids of the findings the dossier alleges, in order' })
  @IsArray()
  @ArrayMinSize(1, { message: 'finding_ids must name at least one finding' })
  @ArrayMaxSize(200, { message: 'finding_ids may name at most 200 findings: split the case' })
  @IsString({ each: true })
  finding_ids!: string[];

  @ApiPropertyOptional({ description: 'Case number printed on the cover (default FM-<date>-<id>)' })
  @IsOptional()
  @Matches(/^[\p{L}\p{N} ._:/()-]{1,64}$/u, { message: 'case_number may hold letters, digits, spaces and . _ : / ( ) -, at most 64' })
  case_number?: string;

  @ApiPropertyOptional({ enum: ['cn', 'eu'] })
  @IsOptional()
  @IsIn(['cn', 'eu'])
  rule_pack?: 'cn' | 'eu';
}

@ApiTags('dossiers')
@Controller('v1/datasets/:id/dossiers')
export class DossiersController {
  constructor(private readonly dossiers: DossiersService) {}

  @Post()
  @HttpCode(202)
  @Access({ roles: ['regulator'] })
  @ApiOperation({ summary: 'Build a signed dossier (ZIP) for selected findings: queued as a job, poll its status, then download' })
  @ApiAcceptedResponse({ description: 'The queued dossier' })
  async request(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RequestDossierDto, @CurrentPrincipal() principal: Principal) {
    return this.dossiers.request(id, dto.finding_ids, { caseNumber: dto.case_number, rulePack: dto.rule_pack }, principal);
  }

  @Get(':dossierId')
  @Access({ roles: ['regulator'] })
  @ApiOperation({ summary: 'Status and progress of a dossier' })
  status(@Param('id', ParseUUIDPipe) id: string, @Param('dossierId', ParseUUIDPipe) dossierId: string) {
    return this.dossiers.status(id, dossierId);
  }

  @Get(':dossierId/download')
  @Access({ roles: ['regulator'] })
  @ApiOperation({ summary: 'The dossier ZIP (dossier.pdf, exhibits, manifest.json, manifest.sig, public-key.pem); the export is audited' })
  async download(@Param('id', ParseUUIDPipe) id: string, @Param('dossierId', ParseUUIDPipe) dossierId: string, @CurrentPrincipal() principal: Principal, @Res() res: Response) {
    sendBundle(res, await this.dossiers.export(id, dossierId, principal), `dossier-${dossierId}`);
  }
}
