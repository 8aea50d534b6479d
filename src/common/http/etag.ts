import type { Response } from 'express';
import { ProblemException } from '../problem/problem';
import { ProblemType } from '../problem/problem-type';

export function setETag(response: Response, version: number): void {
  response.setHeader('ETag', `"${version}"`);
}

/** `If-Match` must name the current version when given (412 otherwise). */
export function checkIfMatch(ifMatch: string | undefined, version: number): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const accepted = ifMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (!accepted.includes(`"${version}"`)) {
    throw new ProblemException({
      type: ProblemType.PreconditionFailed,
      detail: `If-Match ${ifMatch} does not match the current version "${version}"`,
    });
  }
}
