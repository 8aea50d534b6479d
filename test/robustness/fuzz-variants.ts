/**
 * Hostile variants of one OpenAPI operation, derived from the document alone (parameters, request
 * body schema and example), so that operations added later are fuzzed without touching this file.
 * Each variant is `refused` (certainly invalid input: the answer must be a 4xx and change nothing)
 * or `any` (odd but possibly valid: the answer must only not be a 5xx).
 */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema; example?: unknown }> };
  responses: Record<string, unknown>;
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export type Expectation = 'refused' | 'any';

export interface Variant {
  label: string;
  expect: Expectation;
  /** Encoded path parameter values, by name (the operation's target where absent). */
  path?: Record<string, string>;
  /** Encoded `name=value` pairs. */
  query?: string[];
  headers?: Record<string, string>;
  /** The raw body; absent: the example as JSON. `null`: no body at all. */
  body?: string | Buffer | null;
  contentType?: string;
}

export const RANDOM_UUID = '5e0c3a7d-2b4f-4e9a-8c1d-6f7a9b2e4c10';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;
const DATE_NAME = /(On|From|To|Before)$|^(from|to|date)$/;

export function resolve(document: OpenApiDocument, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref)
    return resolve(document, document.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1)
    return { ...resolve(document, schema.allOf[0]), ...schema, allOf: undefined };
  return schema;
}

function typeOf(schema: Schema, example: unknown): string {
  if (schema.type) return schema.type === 'integer' ? 'number' : schema.type;
  if (schema.properties) return 'object';
  if (Array.isArray(example)) return 'array';
  return example === null || example === undefined ? 'string' : typeof example;
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** Values a JSON field of this schema must refuse, and odd values it may accept. */
function hostileJson(
  schema: Schema,
  example: unknown,
  foreignIds: string[],
): Record<Expectation, unknown[]> {
  const refused: unknown[] = schema.nullable ? [] : [null];
  const any: unknown[] = [];
  switch (typeOf(schema, example)) {
    case 'string': {
      refused.push(12345, {}, ['x'], 'a\u0000b', '\ud800');
      if (schema.maxLength !== undefined) refused.push('x'.repeat(schema.maxLength + 1));
      else any.push('x'.repeat(20_000));
      if ((schema.minLength ?? 0) > 0) refused.push('');
      if (schema.enum) refused.push('not_a_listed_value', '', String(schema.enum[0]).toUpperCase());
      if (schema.format === 'uuid') {
        refused.push('zz', RANDOM_UUID.slice(0, 30));
        any.push(RANDOM_UUID, ...foreignIds);
      }
      if (typeof example === 'string' && DATE.test(example)) {
        refused.push('2024-02-30', '99999-01-01', '0000-01-01');
      }
      if (typeof example === 'string' && INSTANT.test(example)) {
        refused.push('2024-10-10T09:00:00+23:59', '2024-10-10T09:00:00', '0000-01-01T00:00:00Z');
        any.push('9999-12-31T23:59:59-12:00', '0001-01-01T00:00:00+14:00');
      }
      any.push('', "' OR 1=1 --", '😀𠀀');
      break;
    }
    case 'number':
      refused.push('1', true, {}, [1]);
      if (schema.minimum !== undefined) refused.push(schema.minimum - 1);
      if (schema.maximum !== undefined) refused.push(schema.maximum + 1, 1e308);
      any.push(1.5, 0, 2 ** 53 + 2);
      break;
    case 'boolean':
      refused.push('true', 1, {});
      break;
    case 'array': {
      const first = Array.isArray(example) ? (example[0] as unknown) : undefined;
      refused.push({}, 'x', [[]], [null]);
      const items = schema.items ?? {};
      refused.push(typeOf(items, first) === 'object' ? ['x'] : [{}]);
      if (schema.maxItems !== undefined && first !== undefined) {
        refused.push(Array.from({ length: schema.maxItems + 1 }, () => first));
      }
      any.push([], first === undefined ? [] : [first, first]);
      break;
    }
    case 'object': {
      refused.push([], 'x', [example ?? {}], { ...(example as object), __unknown__: 1 });
      refused.push({ ...(example as object), 'bad\u0000key': 1 });
      if (schema.required?.length) refused.push({});
      any.push({});
      break;
    }
  }
  return { refused, any };
}

interface FieldNode {
  path: Array<string | number>;
  schema: Schema;
  example: unknown;
}

/** Every property of the body, nested objects and first array elements included. */
function fieldsOf(document: OpenApiDocument, schema: Schema, example: unknown): FieldNode[] {
  const nodes: FieldNode[] = [];
  const walk = (path: Array<string | number>, raw: Schema | undefined, value: unknown) => {
    const resolved = resolve(document, raw);
    if (path.length > 0) nodes.push({ path, schema: resolved, example: value });
    if (resolved.properties) {
      for (const [name, property] of Object.entries(resolved.properties)) {
        walk([...path, name], property, (value as Record<string, unknown> | undefined)?.[name]);
      }
    } else if (resolved.items && Array.isArray(value) && value.length > 0) {
      walk([...path, 0], resolved.items, value[0]);
    }
  };
  walk([], schema, example);
  return nodes;
}

function withValue(example: unknown, path: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(example ?? {}) as Record<string | number, unknown>;
  let cursor: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    cursor[key] ??= typeof key === 'number' ? [] : {};
    cursor = cursor[key] as Record<string | number, unknown>;
  }
  cursor[path[path.length - 1]] = value;
  return copy;
}

function preview(value: unknown): string {
  const text =
    typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? 'undefined');
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function bodyVariants(
  document: OpenApiDocument,
  operation: Operation,
  foreignIds: string[],
): Variant[] {
  const media = operation.requestBody?.content['application/json'];
  if (!media) return [];
  const example = media.example ?? {};
  const json = JSON.stringify(example);
  const schema = resolve(document, media.schema);
  const variants: Variant[] = [
    ...['null', '[]', '"x"', '{', nested(40)].map((body) => ({
      label: `body ${preview(body)}`,
      expect: 'refused' as const,
      body,
    })),
    {
      label: 'body deep property',
      expect: 'refused',
      body: json.replace(/}$/, `,"x":${nested(40)}}`),
    },
    {
      label: 'body unknown field',
      expect: 'refused',
      body: json.replace(/}$/, ',"__unknown__":1}'),
    },
    {
      label: 'body __proto__',
      expect: 'refused',
      body: json.replace(/^{/, '{"__proto__":{"polluted":1},'),
    },
    {
      label: 'body constructor',
      expect: 'refused',
      body: json.replace(/^{/, '{"constructor":{"prototype":{"x":1}},'),
    },
    { label: 'body NUL key', expect: 'refused', body: json.replace(/^{/, '{"\\u0000":1,') },
    {
      label: 'body over 1 MB',
      expect: 'refused',
      body: json.replace(/}$/, `,"pad":"${'x'.repeat(1_100_000)}"}`),
    },
    { label: 'body latin1', expect: 'refused', contentType: 'application/json; charset=latin1' },
    { label: 'body {}', expect: 'any', body: '{}' },
    { label: 'empty body', expect: 'any', body: '' },
    { label: 'body as text/plain', expect: 'any', contentType: 'text/plain' },
    { label: 'no body', expect: 'any', body: null },
  ];
  for (const field of fieldsOf(document, schema, example)) {
    const values = hostileJson(field.schema, field.example, foreignIds);
    for (const expect of ['refused', 'any'] as const) {
      for (const value of values[expect]) {
        variants.push({
          label: `${field.path.join('.')}=${preview(value)}`,
          expect,
          body: JSON.stringify(withValue(example, field.path, value)),
        });
      }
    }
  }
  return variants;
}

function queryVariants(parameter: Parameter): Variant[] {
  const { name } = parameter;
  const schema = parameter.schema ?? {};
  const refused = ['%00', 'a&__NAME__=b'];
  const any = ['', "'%20OR%201%3D1--", '%ED%A0%80'];
  if (schema.enum) refused.push('not_a_listed_value');
  if (schema.type === 'number' || schema.type === 'integer') {
    refused.push('abc', '1e400');
    if (schema.minimum !== undefined) refused.push(String(schema.minimum - 1));
    if (schema.maximum !== undefined) refused.push(String(schema.maximum + 1), '1e20');
    any.push('1.5', '0', '-1');
  }
  if (schema.maxLength !== undefined) refused.push('x'.repeat(schema.maxLength + 1));
  else any.push('x'.repeat(3000));
  if (schema.format === 'uuid') refused.push('zz');
  if (DATE_NAME.test(name)) {
    refused.push('2024-02-30', '99999-01-01', '2024-10-10T09:00:00%2B23:59');
  }
  if (name === 'cursor') refused.push(b64('["zz","zz"]'), b64('{{'), b64('["2024-02-30","zz"]'));
  const variant = (expect: Expectation) => (value: string) => ({
    label: `?${name}=${preview(value)}`,
    expect,
    query: [`${name}=${value.replace('__NAME__', name)}`],
  });
  return [...refused.map(variant('refused')), ...any.map(variant('any'))];
}

function pathVariants(parameter: Parameter, target: string, foreignIds: string[]): Variant[] {
  const numeric = /^\d+$/.test(target);
  const refused = numeric
    ? ['99999', '-1', '1.5', 'abc', '%00', '9'.repeat(30)]
    : ['zz', '0', '%00', '%F0%9F%98%80', 'a'.repeat(300), '..%2F..', '%ED%A0%80'];
  const any = numeric ? [] : [RANDOM_UUID, ...foreignIds];
  const variant = (expect: Expectation) => (value: string) => ({
    label: `{${parameter.name}}=${preview(value)}`,
    expect,
    path: { [parameter.name]: value },
  });
  return [...refused.map(variant('refused')), ...any.map(variant('any'))];
}

function headerVariants(parameter: Parameter): Variant[] {
  if (parameter.name.toLowerCase() !== 'if-match') return [];
  return ['"999999999999"', 'garbage', 'W/"1"', '*', `"${'x'.repeat(5000)}"`].map((value) => ({
    label: `If-Match: ${preview(value)}`,
    expect: 'any' as const,
    headers: { 'If-Match': value },
  }));
}

export function variantsOf(
  document: OpenApiDocument,
  operation: Operation,
  target: (parameter: Parameter) => string,
  foreignIds: string[],
): Variant[] {
  const parameters = operation.parameters ?? [];
  const hasQuery = parameters.some((parameter) => parameter.in === 'query');
  return [
    ...parameters.flatMap((parameter) => {
      switch (parameter.in) {
        case 'path':
          return pathVariants(parameter, target(parameter), foreignIds);
        case 'query':
          return queryVariants(parameter);
        case 'header':
          return headerVariants(parameter);
        case 'cookie':
          return [];
      }
    }),
    {
      label: '?__unknown__=1',
      expect: hasQuery ? ('refused' as const) : ('any' as const),
      query: ['__unknown__=1'],
    },
    ...bodyVariants(document, operation, foreignIds),
  ];
}
