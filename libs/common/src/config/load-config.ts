import type { z } from 'zod';

/** Thrown when the environment does not satisfy an app's schema; names every bad variable. */
export class ConfigError extends Error {
  constructor(
    readonly app: string,
    readonly problems: { variable: string; message: string }[],
  ) {
    super(
      `Invalid configuration for ${app}:\n` + problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export type EnvSource = Record<string, string | undefined>;

/**
 * Parses `env` with `schema`. Every problem is collected, so one boot tells the operator
 * everything that is wrong. Empty strings count as unset, so `FOO=` falls back to the default.
 */
export function loadConfig<S extends z.ZodObject>(app: string, schema: S, env: EnvSource): z.infer<S> {
  const cleaned: EnvSource = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    cleaned[key] = value === undefined || value.trim() === '' ? undefined : value.trim();
  }
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    variable: issue.path.length ? issue.path.map(String).join('.') : '(environment)',
    message: issue.message,
  }));
  throw new ConfigError(app, problems);
}

/** Loads the config or stops the process with a message naming every bad variable. */
export function loadConfigOrExit<S extends z.ZodObject>(app: string, schema: S, env: EnvSource): z.infer<S> {
  try {
    return loadConfig(app, schema, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
