import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { problemResponse } from './problem-responses.decorator';
import { FieldErrorSchema, ProblemSchema } from './problem.schema';
import { requestExampleOf } from './request-example.decorator';

export const BEARER_SCHEME = 'bearer';
export const API_KEY_SCHEME = 'apiKey';

function operationId(controllerKey: string, methodKey: string): string {
  const resource = controllerKey.replace(/Controller$/, '');
  return `${resource.charAt(0).toLowerCase()}${resource.slice(1)}${methodKey.charAt(0).toUpperCase()}${methodKey.slice(1)}`;
}

/** Marks an operation whose success is 201 (the swagger plugin cannot see through composed decorators). */
export const CREATED_EXTENSION = 'x-fuyi-created';

interface Operation {
  security?: unknown[];
  'x-public'?: boolean;
  [CREATED_EXTENSION]?: boolean;
  parameters?: Array<{ required?: boolean; schema?: { default?: unknown } }>;
  requestBody?: { content: Record<string, { schema?: { $ref?: string }; example?: unknown }> };
  responses: Record<string, unknown>;
}

function operationsOf(document: OpenAPIObject): Operation[] {
  return Object.values(document.paths).flatMap((pathItem) =>
    Object.entries(pathItem as Record<string, Operation>)
      .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
      .map(([, operation]) => operation),
  );
}

/**
 * Operations are secured by default (the global guard denies by default); routes marked
 * `@Public()` carry `x-public`, which becomes an explicit empty security requirement.
 */
function applySecurityRequirements(document: OpenAPIObject): void {
  for (const operation of operationsOf(document)) {
    if (operation['x-public']) {
      operation.security = [];
      delete operation['x-public'];
    } else if (!operation.security?.length) {
      operation.security = [{ [BEARER_SCHEME]: [] }];
    }
  }
}

/**
 * What decorators do not say: a create route succeeds with 201; a parameter with a default is
 * optional (`limit`); every operation with a body may answer 413 (the body parser's limit) and
 * shows its DTO's example.
 */
function completeOperations(document: OpenAPIObject): void {
  for (const operation of operationsOf(document)) {
    if (operation[CREATED_EXTENSION] && operation.responses['200']) {
      operation.responses['201'] = operation.responses['200'];
      delete operation.responses['200'];
    }
    delete operation[CREATED_EXTENSION];
    for (const parameter of operation.parameters ?? []) {
      if (parameter.schema?.default !== undefined) parameter.required = false;
    }
    if (!operation.requestBody) continue;
    operation.responses['413'] ??= problemResponse(413);
    for (const media of Object.values(operation.requestBody.content)) {
      const schemaName = media.schema?.$ref?.split('/').pop();
      const entry = schemaName === undefined ? undefined : requestExampleOf(schemaName);
      if (entry) media.example ??= entry.example;
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
  completeOperations(document);
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
