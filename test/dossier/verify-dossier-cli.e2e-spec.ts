import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDossier, newSigningKeyPem } from '@fairmarket/dossier';
import { sampleFinding, sampleInput, sampleRows } from '../../libs/dossier/src/testing/dossier-fixture';
import { runCli } from '../support/cli';

/** `fairmarket verify-dossier FILE` on a bundle, intact and with one byte changed. */
describe('fairmarket verify-dossier', () => {
  let dir: string;
  let bundle: string;
  let publicKey: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fm-verify-'));
    bundle = join(dir, 'case.zip');
    const key = createPrivateKey(newSigningKeyPem());
    publicKey = join(dir, 'authority.pem');
    await writeFile(publicKey, createPublicKey(key).export({ format: 'pem', type: 'spki' }));
    await buildDossier(sampleInput([sampleFinding('fp-1')]), sampleRows, { out: bundle, signingKey: key });
  });

  it('exits 0 for an intact bundle signed by the trusted key', async () => {
    const res = await runCli(['verify-dossier', bundle, '--public-key', publicKey]);
    expect(res.stdout).toContain('INTACT');
    expect(res.stdout).toContain('(trusted');
    expect(res.code).toBe(0);
  });

  it('exits 1 and names the file when one byte of the PDF changed', async () => {
    const bytes = await readFile(bundle);
    const at = bytes.indexOf(Buffer.from('dossier.pdf')) + 40;
    bytes[at] ^= 0xff;
    const changed = join(dir, 'changed.zip');
    await writeFile(changed, bytes);
    const res = await runCli(['verify-dossier', changed, '--json']);
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p: { file: string }) => p.file)).toContain('dossier.pdf');
  });

  it('exits 2 when the file cannot be read', async () => {
    const res = await runCli(['verify-dossier', join(dir, 'missing.zip')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('missing.zip');
  });
});
