import { z } from 'zod';
import { clickhouseVariables, coreVariables, gatewayVariables, loadConfigOrExit, postgresVariables } from '@app/common';

/** Environment of the operator tools (migrate, healthcheck): the union of what they touch. */
export const toolsConfigSchema = z.object({
  ...coreVariables,
  ...postgresVariables,
  ...clickhouseVariables,
  GATEWAY_PORT: gatewayVariables.GATEWAY_PORT,
});
export type ToolsConfig = z.infer<typeof toolsConfigSchema>;

export function loadToolsConfig(): ToolsConfig {
  return loadConfigOrExit('tools', toolsConfigSchema, process.env);
}

/** Environment of the seed: the tools' plus the demo password, which production must set. */
export const seedConfigSchema = z
  .object({
    ...coreVariables,
    ...postgresVariables,
    /** Password of the seeded logins (a secret); the development default is refused in production. */
    DEMO_PASSWORD: z.string().max(1024).optional(),
    /** false: seed only the platform administrator, not the demo tenant. */
    SEED_DEMO: z.enum(['true', 'false']).default('true'),
    /** false: the demo tenant without its registry (hierarchy, gateways, meters); the e2e stack starts with an empty one. */
    SEED_DEMO_REGISTRY: z.enum(['true', 'false']).default('true'),
  })
  .refine((value) => !(value.NODE_ENV === 'production' && !value.DEMO_PASSWORD), {
    path: ['DEMO_PASSWORD'],
    message: 'required when NODE_ENV=production (the seeded logins must not get the development password)',
    when: () => true,
  });
export type SeedConfig = z.infer<typeof seedConfigSchema>;

export function loadSeedConfig(): SeedConfig {
  return loadConfigOrExit('seed', seedConfigSchema, process.env);
}
