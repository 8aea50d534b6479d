import { Logger } from '@nestjs/common';

/** A failure's stack (or the thrown value as text), for the log of background work. */
export function failureText(error: unknown): string {
  return String(error instanceof Error ? error.stack : error);
}

/**
 * Runs `task` every `intervalMs` in the background: the timer keeps no process alive, and a
 * failed turn is logged under `context` as `<what> failed: <stack>` without stopping the next
 * ones. Returns the function that stops it (for `onApplicationShutdown`).
 */
export function startBackgroundInterval(
  context: string,
  what: string,
  intervalMs: number,
  task: () => Promise<unknown>,
): () => void {
  const logger = new Logger(context);
  const timer = setInterval(() => {
    task().catch((error: unknown) => {
      logger.error(`${what} failed: ${failureText(error)}`);
    });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
