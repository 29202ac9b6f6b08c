import 'reflect-metadata';
import { ConfigurationError, loadConfig } from '@fairmarket/config';
import { createWorkerApp } from './create-worker-app';

createWorkerApp(loadConfig())
  .then((app) => app.init())
  .catch((error) => {
    process.stderr.write(`${error instanceof ConfigurationError ? error.message : (error as Error).stack}\n`);
    process.exit(1);
  });
