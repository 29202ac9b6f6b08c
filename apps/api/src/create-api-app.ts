import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import pinoHttp from 'pino-http';
import type { Environment } from '@fairmarket/config';
import { PinoLogger, createRootLogger } from '@fairmarket/logging';
import { ApiModule } from './api.module';
import { serveConsole } from './console/serve-console';

/** Builds the HTTP application; main.ts listens on it, end-to-end tests drive it with supertest. */
export async function createApiApp(config: Environment): Promise<INestApplication> {
  const root = createRootLogger(config.LOG_LEVEL, 'fairmarket-api');
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    logger: new PinoLogger(root),
    bodyParser: false,
  });
  app.use(pinoHttp({ logger: root, autoLogging: { ignore: (req) => req.url === '/health/live' } }));
  // The console's static files, before Nest's router: public, and not part of the API surface.
  app.use(serveConsole());
  app.useBodyParser('json', { limit: config.MAX_JSON_BODY_BYTES });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('FairMarket API')
    .setDescription('Ingestion of platform pricing and recommendation logs, detection runs and findings. 平台定价与推荐日志的接入、检测与发现。')
    .setVersion('1')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi));
  return app;
}
