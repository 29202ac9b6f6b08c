import { Module } from '@nestjs/common';
import { DetectionModule } from '@fairmarket/detection';
import { IngestionModule } from '@fairmarket/ingestion';
import { FilingsController } from '../filings/filings.controller';
import { DossiersController } from './dossiers.controller';
import { DossiersService } from './dossiers.service';
import { VerifyDossierController } from './verify-dossier.controller';

/** Issue 6 on the api: dossiers (request, status, download, verify) and algorithm filings. */
@Module({
  imports: [IngestionModule, DetectionModule],
  controllers: [DossiersController, VerifyDossierController, FilingsController],
  providers: [DossiersService],
})
export class DossiersModule {}
