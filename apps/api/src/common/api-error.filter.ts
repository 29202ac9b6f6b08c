import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { apiErrorBody } from './api-error';

/**
 * One error format for every route: `{ error: { code, message, message_zh, details? } }`,
 * with a stable machine code and a human message in English and Chinese.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      res.status(exception.getStatus()).json(apiErrorBody(exception.getStatus(), exception.getResponse()));
      return;
    }
    const status = (exception as { status?: number; statusCode?: number }).status ?? (exception as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      // Errors raised by Express's body parser (too large, malformed JSON) carry their status.
      res.status(status).json(apiErrorBody(status, { message: (exception as Error).message }));
      return;
    }
    this.logger.error((exception as Error)?.stack ?? String(exception));
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json(apiErrorBody(500, {}));
  }
}
