// Installs the Debian packages a suite needs when they are not there yet: for e2e, Chromium to
// drive, the Kerberos headers code-server's `kerberos` module compiles against, and the LaTeX and
// Pandoc tools that build the workspace the suite cited into; for test:bib, the BibTeX tools
// (scripts/bib/real-tools.mjs).
import { spawnSync } from 'node:child_process';
import { runCommand } from './run-command.mjs';

export const E2E_DEBIAN_PACKAGES = [
  'chromium',
  'libkrb5-dev',
  'pkg-config',
  'pandoc',
  'texlive-latex-base',
  'texlive-latex-recommended',
  'texlive-bibtex-extra',
  'biber',
];

function isInstalled(name) {
  const query = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', name], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.trim() === 'installed';
}

/** Installs whichever of `packages` is missing; returns the names it installed. */
export async function ensureDebianPackages(packages = E2E_DEBIAN_PACKAGES) {
  const missing = packages.filter((name) => !isInstalled(name));
  if (missing.length === 0) return [];
  if (process.getuid?.() !== 0) {
    throw new Error(`Debian packages ${missing.join(', ')} are missing; install them as root (apt-get install ${missing.join(' ')}) and run again.`);
  }
  console.log(`Installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt (a bench run, another job) may hold the lock: wait for it rather than fail.
  const wait = ['-o', 'DPkg::Lock::Timeout=300'];
  await runCommand('apt-get', [...wait, 'update'], { env, quiet: true });
  await runCommand('apt-get', [...wait, 'install', '-y', '--no-install-recommends', ...missing], { env, quiet: true });
  return missing;
}
