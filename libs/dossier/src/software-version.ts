import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** FairMarket's version from the repository's package.json, found from here upwards (source or dist). */
export function softwareVersion(): { name: string; version: string; node: string } {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'fairmarket') return { name: 'fairmarket', version: pkg.version ?? 'unknown', node: process.version };
    }
    dir = dirname(dir);
  }
  return { name: 'fairmarket', version: 'unknown', node: process.version };
}
