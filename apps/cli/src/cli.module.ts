import { Module } from '@nestjs/common';
import { DetectCommand } from './commands/detect.command';
import { GenerateCommand } from './commands/generate.command';
import { MigrateCommand, MigrationsCheckCommand } from './commands/migrate.command';
import { ValidateCommand } from './commands/validate.command';

/** The offline tools. None of them needs Redis; only migrate and migrations:check need PostgreSQL. */
@Module({ providers: [ValidateCommand, GenerateCommand, DetectCommand, MigrateCommand, MigrationsCheckCommand] })
export class CliModule {}
