import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The CJK font embedded in every PDF, so Chinese renders on any reader: Noto Sans SC (OFL),
 * shipped as OTF inside the @embedpdf/fonts-sc npm package, so `npm ci` is the whole setup.
 */
export function cjkFontPath(): string {
  let packageMain: string;
  try {
    packageMain = require.resolve('@embedpdf/fonts-sc');
  } catch {
    throw new Error('the CJK font package @embedpdf/fonts-sc is not installed: run `bash scripts/install.sh` (npm ci)');
  }
  const font = join(dirname(packageMain), '..', 'fonts', 'NotoSansHans-Regular.otf');
  if (!existsSync(font)) throw new Error(`the CJK font is missing at ${font}: reinstall @embedpdf/fonts-sc with \`npm ci\``);
  return font;
}
