import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { FieldErrorSchema, ProblemSchema } from './problem.schema';

export const BEARER_SCHEME = 'bearer';
export const API_KEY_SCHEME = 'apiKey';

function operationId(controllerKey: string, methodKey: string): string {
  const resource = controllerKey.replace(/Controller$/, '');
  return `${resource.charAt(0).toLowerCase()}${resource.slice(1)}${methodKey.charAt(0).toUpperCase()}${methodKey.slice(1)}`;
}

/** Marks an operation whose success is 201 (the swagger plugin cannot see through composed decorators). */
export const CREATED_EXTENSION = 'x-fuyi-created';

type Operation = Record<string, unknown> & {
  security?: unknown[];
  'x-public'?: boolean;
  responses?: Record<string, unknown>;
  [CREATED_EXTENSION]?: boolean;
};

/**
 * Operations are secured by default (the global guard denies by default); routes marked
 * `@Public()` carry `x-public`, which becomes an explicit empty security requirement.
 */
function applySecurityRequirements(document: OpenAPIObject): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem as Record<string, Operation>)) {
      if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
      if (operation[CREATED_EXTENSION] && operation.responses?.['200']) {
        operation.responses['201'] = operation.responses['200'];
        delete operation.responses['200'];
      }
      delete operation[CREATED_EXTENSION];
      if (operation['x-public']) {
        operation.security = [];
        delete operation['x-public'];
      } else if (!operation.security?.length) {
        operation.security = [{ [BEARER_SCHEME]: [] }];
      }
    }
  }
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Fuyi API')
    .setDescription(
      'Case management for administrative reconsideration offices (行政复议) and the lawsuits in ' +
        'which their government is the defendant (行政应诉). Errors are application/problem+json ' +
        '(RFC 9457). Legal dates are YYYY-MM-DD in China Standard Time.',
    )
    .setVersion('1.0.0')
    .setLicense('Proprietary', 'https://fuyi.example.gov.cn/license')
    .addServer('/', 'This server')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'From POST /api/v1/auth/login',
      },
      BEARER_SCHEME,
    )
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'Integration clients' },
      API_KEY_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: operationId,
    extraModels: [ProblemSchema, FieldErrorSchema],
  });
  applySecurityRequirements(document);
  document.tags = [...new Set(Object.values(document.paths).flatMap(tagsOf))]
    .sort()
    .map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name }));
  return document;
}

function tagsOf(pathItem: unknown): string[] {
  return Object.values(pathItem as Record<string, { tags?: string[] }>).flatMap(
    (operation) => operation.tags ?? [],
  );
}

const TAG_DESCRIPTIONS: Record<string, string> = {
  operations: 'Health checks and metrics for operators',
  auth: 'Login and the current identity',
  agencies: 'Reconsideration bodies (tenants) and administrative agencies',
  users: 'People of an office and their roles',
  'api-clients': 'Integration clients authenticated by API key',
  audit: 'The append-only audit trail of every mutation',
  calendar: 'China’s legal calendar of working days and due-date arithmetic',
  'reconsideration-cases':
    'Reconsideration cases (行政复议案件): intake, workflow commands, closure',
  deadlines: 'The statutory deadlines across cases: the worklist',
  workflow: 'The deadline sweep: deemed acceptance and abandonment, overdue marking',
  hearings:
    'Hearings (听证) and opinion hearings (听取意见): scheduling, attendance, calendar feed',
};
