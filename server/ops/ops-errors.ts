import type { z } from 'zod';

/**
 * A refusal or failure an operator can act on. main.ts prints `message` alone (no stack)
 * and exits 1, so the message must say what went wrong and what to do instead.
 */
export class OpsError extends Error {}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Parse command options with a Zod schema; a bad value names the option (`--time-zone: …`). */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  --${kebab(String(i.path[0] ?? 'input'))}: ${i.message}`);
  throw new OpsError(`invalid options:\n${lines.join('\n')}`);
}

/**
 * The database's own message for a failed query. Drizzle wraps it in "Failed query: <sql>
 * params: <values>", and the values of a restore chunk are whole rows: they must not end
 * up on the operator's terminal or in a log.
 */
export function dbErrorMessage(err: unknown): string {
  if (err instanceof OpsError) return err.message;
  const cause = (err as { cause?: unknown })?.cause;
  if (cause instanceof Error && /^Failed query/.test((err as Error).message)) return cause.message;
  return err instanceof Error ? err.message : String(err);
}
