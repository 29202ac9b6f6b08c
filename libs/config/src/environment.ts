import 'reflect-metadata';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every environment variable FairMarket reads, validated once at start-up. Nothing else in
 * the code reads process.env: services receive a typed AppConfig.
 */
export class Environment {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/fairmarket' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/fairmarket';

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL, e.g. redis://127.0.0.1:6379' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** The HMAC key that pseudonymises user ids. Kept out of the database on purpose. */
  @IsString({ message: 'PSEUDONYM_KEY is required: a secret of at least 32 characters (e.g. `openssl rand -hex 32`)' })
  @MinLength(32, { message: 'PSEUDONYM_KEY must be at least 32 characters long' })
  PSEUDONYM_KEY!: string;

  @IsString()
  UPLOAD_DIR = 'var/uploads';

  @Transform(toInt) @IsInt({ message: 'PORT must be an integer' }) @Min(1) @Max(65535)
  PORT = 3000;

  @Transform(toInt) @IsInt({ message: 'MAX_UPLOAD_BYTES must be an integer' }) @Min(1)
  MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

  @Transform(toInt) @IsInt({ message: 'MAX_FILES_PER_UPLOAD must be an integer' }) @Min(1) @Max(100)
  MAX_FILES_PER_UPLOAD = 20;

  @Transform(toInt) @IsInt({ message: 'MAX_JSON_BODY_BYTES must be an integer' }) @Min(1024)
  MAX_JSON_BODY_BYTES = 1024 * 1024;

  /** BullMQ key prefix: tests give each run its own so runs cannot collide. */
  @Matches(/^[A-Za-z0-9:_-]+$/, { message: 'QUEUE_PREFIX may hold only letters, digits, ":", "_" and "-"' })
  QUEUE_PREFIX = 'fairmarket';

  @Transform(toInt) @IsInt({ message: 'WORKER_CONCURRENCY must be an integer' }) @Min(1) @Max(64)
  WORKER_CONCURRENCY = 2;

  /** How long a worker holds a job's lock; a killed worker's job is retried after about this long. */
  @Transform(toInt) @IsInt({ message: 'JOB_LOCK_MS must be an integer' }) @Min(1000)
  JOB_LOCK_MS = 30000;

  @Transform(toInt) @IsInt({ message: 'INGEST_BATCH_LINES must be an integer' }) @Min(1)
  INGEST_BATCH_LINES = 20000;

  @Transform(toInt) @IsInt({ message: 'MAX_REJECTIONS_KEPT must be an integer' }) @Min(0)
  MAX_REJECTIONS_KEPT = 1000;

  @Transform(toInt) @IsInt({ message: 'KEEP_COMPLETED_JOBS must be an integer' }) @Min(0)
  KEEP_COMPLETED_JOBS = 1000;

  @Transform(toInt) @IsInt({ message: 'KEEP_FAILED_JOBS must be an integer' }) @Min(0)
  KEEP_FAILED_JOBS = 5000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent' })
  LOG_LEVEL = 'info';

  @IsIn(['cn', 'eu'], { message: 'RULE_PACK must be cn or eu' })
  RULE_PACK = 'cn';

  @IsOptional() @IsString()
  NODE_ENV?: string;
}
