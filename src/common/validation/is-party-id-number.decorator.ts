import { ValidateBy } from 'class-validator';
import { isValidIdCardNumber } from '../../domain/reconsideration/id-card-number.value';

/** 统一社会信用代码: 18 characters of digits and capital letters (no I, O, Z, S, V). */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/**
 * A person's resident ID number (checked) or an organization's unified social credit code,
 * following the `kind` of the object validated (an applicant, a plaintiff). `name` is the
 * constraint's name in validation errors.
 */
export function IsPartyIdNumber(name: string): PropertyDecorator {
  const kindOf = (object: object | undefined): unknown => (object as { kind?: unknown }).kind;
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown, args) => {
        if (typeof value !== 'string') return false;
        return kindOf(args?.object) === 'organization'
          ? CREDIT_CODE.test(value)
          : isValidIdCardNumber(value);
      },
      defaultMessage: (args) =>
        kindOf(args?.object) === 'organization'
          ? '$property must be an 18-character unified social credit code'
          : '$property must be a valid mainland resident ID number (18 characters, check digit)',
    },
  });
}
