import { Module } from '@nestjs/common';
import { DetectionModule } from '@fairmarket/detection';
import { IngestionModule } from '@fairmarket/ingestion';
import { FilingsController } from '../filings/filings.controller';
import { CaseDossiersController } from './case-dossiers.controller';
import { CaseDossiersService } from './case-dossiers.service';
import { DossierJobs } from './dossier-jobs.service';
import { DossiersController } from './dossiers.controller';
import { DossiersService } from './dossiers.service';
import { VerifyDossierController } from './verify-dossier.controller';

/** Issue 6 on the api: dossiers of datasets and of cases (request, status, download, verify) and algorithm filings. */
@Module({
  imports: [IngestionModule, DetectionModule],
  controllers: [DossiersController, CaseDossiersController, VerifyDossierController, FilingsController],
  providers: [DossierJobs, DossiersService, CaseDossiersService],
})
export class DossiersModule {}
