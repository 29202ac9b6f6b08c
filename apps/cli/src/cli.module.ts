import { Module } from '@nestjs/common';
import { AuditVerifyCommand } from './commands/audit-verify.command';
import { CreateAdminCommand } from './commands/create-admin.command';
import { DetectCommand } from './commands/detect.command';
import { EvaluateCommand } from './commands/evaluate.command';
import { FilingCommand } from './commands/filing.command';
import { GenerateCommand } from './commands/generate.command';
import { MigrateCommand, MigrationsCheckCommand } from './commands/migrate.command';
import { SubmitCommand } from './commands/submit.command';
import { ValidateCommand } from './commands/validate.command';
import { VerifyDossierCommand } from './commands/verify-dossier.command';

/** The tools. validate, generate and detect work offline; migrate needs PostgreSQL; submit talks to an API. */
@Module({ providers: [ValidateCommand, GenerateCommand, DetectCommand, MigrateCommand, MigrationsCheckCommand, SubmitCommand, EvaluateCommand, VerifyDossierCommand, FilingCommand, AuditVerifyCommand, CreateAdminCommand] })
export class CliModule {}
