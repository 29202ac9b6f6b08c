import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Environment } from './environment';

export class ConfigurationError extends Error {}

/**
 * Reads and validates the environment. Fails at start-up with every bad variable named,
 * instead of failing later deep inside a request.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Environment {
  const known = Object.keys(new Environment() as object).concat('PSEUDONYM_KEY', 'NODE_ENV');
  const picked: Record<string, string> = {};
  for (const name of known) {
    const value = env[name];
    if (value !== undefined && value !== '') picked[name] = value;
  }
  const config = plainToInstance(Environment, picked, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigurationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
