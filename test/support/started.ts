/** The value a suite's `before` set up, or a clear failure when it did not get that far. */
export function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} did not start.`);
  return value;
}
