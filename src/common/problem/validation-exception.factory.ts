import type { ValidationError } from 'class-validator';
import { validationProblem, type FieldError } from './problem';

function flatten(errors: ValidationError[], parent: string, out: FieldError[]): FieldError[] {
  for (const error of errors) {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      out.push({ field, message });
    }
    if (error.children?.length) flatten(error.children, field, out);
  }
  return out;
}

/** Turns class-validator's error tree into problem+json `errors: [{field, message}]`. */
export function validationExceptionFactory(errors: ValidationError[]) {
  return validationProblem(flatten(errors, '', []));
}
