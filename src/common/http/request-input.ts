import type { NextFunction, Request, Response } from 'express';
import { validationProblem, type FieldError } from '../problem/problem';
import { isUnsafeText, UNSAFE_TEXT_MESSAGE } from '../validation/unsafe-text';

/** The deepest nesting of arrays and objects a JSON body may have; a case body needs 3. */
export const MAX_JSON_DEPTH = 32;

/**
 * Keys that class-transformer skips instead of reporting as unknown fields, so the whitelist never
 * sees them; no DTO has them, and they are the prototype-pollution keys.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class TooDeep extends Error {}

function pathOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Walks a parsed JSON body once (its recursion bounded by MAX_JSON_DEPTH), checking every key and
 * string. Errors name the path the way validation errors do (`applicants[1].name`).
 */
function inspectBody(value: unknown, path: string, depth: number, errors: FieldError[]): void {
  if (typeof value === 'string') {
    if (isUnsafeText(value)) errors.push({ field: path || 'body', message: UNSAFE_TEXT_MESSAGE });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (depth > MAX_JSON_DEPTH) throw new TooDeep();
  if (Array.isArray(value)) {
    value.forEach((item, index) => inspectBody(item, pathOf(path, index), depth + 1, errors));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (isUnsafeText(key)) {
      errors.push({ field: path || 'body', message: `a property name ${UNSAFE_TEXT_MESSAGE}` });
      continue;
    }
    if (PROTOTYPE_KEYS.has(key)) {
      errors.push({ field: pathOf(path, key), message: `property ${key} should not exist` });
      continue;
    }
    inspectBody(item, pathOf(path, key), depth + 1, errors);
  }
}

function inspectQuery(query: unknown, errors: FieldError[]): void {
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    const field = isUnsafeText(key) ? 'query' : key;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (field === 'query' || values.some((v) => typeof v === 'string' && isUnsafeText(v))) {
      errors.push({ field, message: UNSAFE_TEXT_MESSAGE });
    }
  }
}

/** The percent-decoded path; a malformed escape is left for Express to refuse (400). */
function inspectPath(path: string, errors: FieldError[]): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return;
  }
  if (isUnsafeText(decoded)) errors.push({ field: 'path', message: UNSAFE_TEXT_MESSAGE });
}

/**
 * Runs after the JSON body parser, before anything walks the body recursively (class-transformer,
 * class-validator, loggers): refuses bodies nested deeper than MAX_JSON_DEPTH and NUL or lone
 * surrogates in any body key or string, query parameter or path, with a 400 problem.
 */
export function requestInputMiddleware(request: Request, _response: Response, next: NextFunction) {
  const errors: FieldError[] = [];
  try {
    inspectBody(request.body, '', 1, errors);
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    next(
      validationProblem(
        [{ field: 'body', message: `must not be nested deeper than ${MAX_JSON_DEPTH} levels` }],
        `The request body is nested deeper than ${MAX_JSON_DEPTH} levels`,
      ),
    );
    return;
  }
  inspectQuery(request.query, errors);
  inspectPath(request.path, errors);
  next(errors.length > 0 ? validationProblem(errors) : undefined);
}
