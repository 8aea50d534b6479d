/** A request body DTO and its example, by schema name (the class name, as Swagger names schemas). */
export interface RequestExampleEntry {
  type: abstract new (...args: never[]) => object;
  example: Record<string, unknown>;
}

const EXAMPLES = new Map<string, RequestExampleEntry>();

/**
 * The example of a request body DTO: the OpenAPI document shows it on every operation whose body
 * is this DTO, and the e2e suite checks that it passes the DTO's validation.
 */
export function RequestExample(example: Record<string, unknown>) {
  return (type: RequestExampleEntry['type']): void => {
    EXAMPLES.set(type.name, { type, example });
  };
}

export function requestExampleOf(schemaName: string): RequestExampleEntry | undefined {
  return EXAMPLES.get(schemaName);
}

export function requestExamples(): ReadonlyMap<string, RequestExampleEntry> {
  return EXAMPLES;
}
