/** The end of an exhaustive switch: a value the type system says cannot exist. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}
