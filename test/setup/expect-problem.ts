import type request from 'supertest';

/** An error answered as RFC 9457 problem+json, leaking no stack trace or SQL. */
export function expectProblem(response: request.Response, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
  expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(js|ts):\d+|SELECT|INSERT/);
}

/** A 400 problem whose `errors` name this field. */
export function expectFieldError(response: request.Response, field: string): void {
  expectProblem(response, 400);
  expect(response.body.errors).toEqual(
    expect.arrayContaining([expect.objectContaining({ field })]),
  );
}
