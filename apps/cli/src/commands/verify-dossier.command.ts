import { Command, CommandRunner, Option } from 'nest-commander';
import { readFile } from 'node:fs/promises';
import type { DossierVerification } from '@fairmarket/dossier';

interface VerifyDossierOptions {
  publicKey?: string;
  json?: boolean;
}

/**
 * `fairmarket verify-dossier FILE`: checks a dossier bundle offline (node:crypto only) and names
 * every file or exhibit row that changed. Exit 0 intact, 1 changed, 2 unreadable.
 */
@Command({ name: 'verify-dossier', arguments: '<file>', description: 'Check a dossier ZIP offline: signature, file hashes, exhibit rows, Merkle root (exit 0 intact, 1 changed, 2 unreadable)' })
export class VerifyDossierCommand extends CommandRunner {
  async run([file]: string[], options: VerifyDossierOptions): Promise<void> {
    let bytes: Buffer;
    let trusted: string | undefined;
    try {
      bytes = await readFile(file);
      trusted = options.publicKey ? await readFile(options.publicKey, 'utf8') : undefined;
    } catch (error) {
      process.stderr.write(`error: cannot read ${(error as NodeJS.ErrnoException).path ?? file} (${(error as Error).message}): give the path of a dossier .zip (and of a PEM public key for --public-key)\n`);
      process.exitCode = 2;
      return;
    }
    // Loaded when the command runs: `fairmarket detect` should not pay for the database and PDF libraries.
    const { verifyDossier }: typeof import('@fairmarket/dossier') = require('@fairmarket/dossier');
    const result = verifyDossier(bytes, { trustedPublicKeyPem: trusted });
    process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderVerification(file, result));
    process.exitCode = result.ok ? 0 : 1;
  }

  @Option({ flags: '--public-key <pem>', description: 'the PEM public key you trust; without it the bundle is checked against the key it carries' })
  parsePublicKey(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the verification as JSON' })
  parseJson(): boolean {
    return true;
  }
}

export function renderVerification(file: string, r: DossierVerification): string {
  const lines = [
    `${r.ok ? 'INTACT / 完好' : 'CHANGED / 已被改动'}: ${file}`,
    `case / 案号: ${r.case_number ?? '?'}   generated / 生成: ${r.generated_at ?? '?'}`,
    `signing key id / 签名公钥指纹: ${r.key_id ?? '?'}${r.key_trusted === null ? ' (not pinned: pass --public-key to check who signed / 未指定可信公钥)' : r.key_trusted ? ' (trusted / 可信)' : ' (NOT the trusted key / 非可信公钥)'}`,
    `files checked / 已核对文件: ${r.files_checked}   exhibit rows / 证据行: ${r.rows_checked}   Merkle root / 默克尔根: ${r.merkle_root ?? '?'}`,
  ];
  for (const p of r.problems) {
    lines.push(`  ✗ ${p.file}${p.row !== undefined ? ` row ${p.row}` : ''}${p.natural_id ? ` (${p.natural_id})` : ''}: ${p.what}`);
  }
  return `${lines.join('\n')}\n`;
}
