import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@fairmarket/identity';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { CaseDossiersService } from './case-dossiers.service';
import { sendBundle } from './send-bundle';

/** A case's dossier: the same signed bundle as a dataset's, filled from the case (issue 6). */
@ApiTags('dossiers')
@Controller('v1/cases/:id/dossiers')
@Access({ roles: ['regulator'] })
export class CaseDossiersController {
  constructor(private readonly dossiers: CaseDossiersService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: "Build the case's signed dossier (ZIP: cover, evidence index, allegations, the platform's answers, chain of custody, exhibits, signed manifest); handler or approver only; queued as a job" })
  @ApiAcceptedResponse({ description: 'The queued dossier' })
  request(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.dossiers.request(id, principal);
  }

  @Get(':dossierId')
  @ApiOperation({ summary: "Status and progress of a case's dossier" })
  status(@Param('id', ParseUUIDPipe) id: string, @Param('dossierId', ParseUUIDPipe) dossierId: string, @CurrentPrincipal() principal: Principal) {
    return this.dossiers.status(id, dossierId, principal);
  }

  @Get(':dossierId/download')
  @ApiOperation({ summary: "The case's dossier ZIP; the export is audited and appears in the next dossier's chain of custody" })
  async download(@Param('id', ParseUUIDPipe) id: string, @Param('dossierId', ParseUUIDPipe) dossierId: string, @CurrentPrincipal() principal: Principal, @Res() res: Response) {
    const { path, ref } = await this.dossiers.export(id, dossierId, principal);
    sendBundle(res, path, `dossier-${ref}-${dossierId.slice(0, 8)}`);
  }
}
