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

  /**
   * Threads that parse, validate, pseudonymise and encode a large NDJSON file beside the worker's
   * main thread (0: all on the main thread). Two suit a 2-core machine shared with PostgreSQL.
   */
  @Transform(toInt) @IsInt({ message: 'INGEST_ENCODER_THREADS must be an integer' }) @Min(0) @Max(16)
  INGEST_ENCODER_THREADS = 2;

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

  /**
   * The api's and worker's own database login (fairmarket_app, bound by row-level security).
   * Unset: DATABASE_URL with its user replaced by fairmarket_app. DATABASE_URL itself is the
   * owner's, used by `fairmarket migrate` and the CLI's administrative commands.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'APP_DATABASE_URL must be a postgres:// URL for the fairmarket_app role, e.g. postgres://fairmarket_app:PASSWORD@db:5432/fairmarket' })
  APP_DATABASE_URL?: string;

  /** Signs login tokens. Unset: derived from PSEUDONYM_KEY (HKDF), so one secret suffices on a laptop. */
  @IsOptional()
  @IsString({ message: 'JWT_SECRET must be a string of at least 32 characters (e.g. `openssl rand -hex 32`)' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  @Transform(toInt) @IsInt({ message: 'JWT_TTL_SECONDS must be an integer number of seconds' }) @Min(60) @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS = 8 * 3600;

  /** Requests per client per minute on every route, and on login alone (password guessing). */
  @Transform(toInt) @IsInt({ message: 'RATE_LIMIT_PER_MINUTE must be an integer' }) @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  @Transform(toInt) @IsInt({ message: 'LOGIN_RATE_LIMIT_PER_MINUTE must be an integer' }) @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  /** Days a regulator has to triage an alert, by severity: `high=3,medium=10,low=20`. */
  @Matches(/^(?:(?:high|medium|low)=\d{1,3})(?:,(?:high|medium|low)=\d{1,3})*$/, { message: 'ALERT_DUE_DAYS must look like high=3,medium=10,low=20' })
  ALERT_DUE_DAYS = 'high=3,medium=10,low=20';

  /**
   * The Ed25519 key that signs dossier manifests: a PKCS#8 PEM (`openssl genpkey -algorithm
   * ed25519`; newlines may be written as \n) or a 32-byte seed in hex. Unset: dossiers are refused.
   */
  @IsOptional()
  @IsString({ message: 'DOSSIER_SIGNING_KEY must be an Ed25519 private key: a PKCS#8 PEM (openssl genpkey -algorithm ed25519) or a 32-byte seed in hex' })
  DOSSIER_SIGNING_KEY?: string;

  /** Where the api and the worker keep built dossier bundles (shared by both). */
  @IsString({ message: 'DOSSIER_DIR must be a directory path, e.g. var/dossiers' })
  DOSSIER_DIR = 'var/dossiers';

  /** Legal clocks of a case: working days to verify a lead, calendar days to decide. */
  @Transform(toInt) @IsInt({ message: 'CASE_LEAD_WORKING_DAYS must be an integer number of working days' }) @Min(1) @Max(365)
  CASE_LEAD_WORKING_DAYS = 15;

  @Transform(toInt) @IsInt({ message: 'CASE_DECISION_DAYS must be an integer number of days' }) @Min(1) @Max(3650)
  CASE_DECISION_DAYS = 90;

  /** Public holidays and make-up working days (调休), comma-separated YYYY-MM-DD, for working-day clocks. */
  @Matches(/^(\d{4}-\d{2}-\d{2}(,\d{4}-\d{2}-\d{2})*)?$/, { message: 'CASE_HOLIDAYS must be comma-separated YYYY-MM-DD dates' })
  CASE_HOLIDAYS = '';

  @Matches(/^(\d{4}-\d{2}-\d{2}(,\d{4}-\d{2}-\d{2})*)?$/, { message: 'CASE_MAKEUP_WORKDAYS must be comma-separated YYYY-MM-DD dates' })
  CASE_MAKEUP_WORKDAYS = '';

  /** The regulator's time zone for day counting, in minutes east of UTC (480: China). */
  @Transform(toInt) @IsInt({ message: 'CASE_TZ_OFFSET_MINUTES must be an integer' }) @Min(-720) @Max(840)
  CASE_TZ_OFFSET_MINUTES = 480;

  /** Complaint attachments (screenshots, PDFs): bytes per file and files per complaint. */
  @Transform(toInt) @IsInt({ message: 'COMPLAINT_ATTACHMENT_MAX_BYTES must be an integer number of bytes' }) @Min(1024)
  COMPLAINT_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

  @Transform(toInt) @IsInt({ message: 'COMPLAINT_ATTACHMENTS_MAX must be an integer' }) @Min(1) @Max(50)
  COMPLAINT_ATTACHMENTS_MAX = 5;

  @IsOptional() @IsString()
  NODE_ENV?: string;
}
