import {
  RequestMethod,
  ValidationPipe,
  type INestApplication,
  type ValidationPipeOptions,
} from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { pinoHttp } from 'pino-http';
import { pinoHttpOptions } from './common/logging/logging.module';
import type { AppConfig } from './config/app-config';
import { buildOpenApiDocument } from './common/openapi/openapi';
import { notFoundFallback } from './common/problem/problem.filter';
import { validationExceptionFactory } from './common/problem/validation-exception.factory';
import { answerClientErrors } from './common/http/client-error';
import { noStoreMiddleware, requestIdMiddleware } from './common/http/request-id';
import { requestInputMiddleware } from './common/http/request-input';
import { MetricsService } from './modules/metrics/metrics.service';
import { metricsMiddleware } from './modules/metrics/metrics.middleware';

export const API_PREFIX = 'api/v1';
export const BODY_LIMIT = '1mb';

/** Unknown fields are refused; bodies and queries become instances of their DTOs. */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: validationExceptionFactory,
};

/** Everything about the HTTP edge, shared by main.ts and the e2e tests. */
export async function configureApp(
  app: NestExpressApplication,
  config: AppConfig,
): Promise<INestApplication> {
  app.useLogger(app.get(Logger));
  answerClientErrors(app.getHttpServer());
  app.disable('x-powered-by');
  app.set('etag', false);
  // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (default: none).
  app.set('trust proxy', config.trustProxy);
  app.use(requestIdMiddleware);
  app.use(pinoHttp(pinoHttpOptions(config)));
  app.use(metricsMiddleware(app.get(MetricsService)));
  app.use(helmet());
  app.use(`/${API_PREFIX}`, noStoreMiddleware);
  app.use(json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  app.use(requestInputMiddleware);
  app.enableCors({
    origin: config.corsOrigins.includes('*') ? true : config.corsOrigins,
    exposedHeaders: ['X-Request-Id', 'ETag', 'Location', 'Retry-After'],
  });
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/*path', method: RequestMethod.ALL },
      { path: 'metrics', method: RequestMethod.ALL },
    ],
  });
  app.useGlobalPipes(new ValidationPipe(VALIDATION_OPTIONS));
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
    customSiteTitle: 'Fuyi API',
  });
  await app.init();
  app.use(notFoundFallback);
  return app;
}
