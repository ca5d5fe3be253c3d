// Builds what a person builds from the e2e workspace once the extension has cited into it: the
// LaTeX project with pdflatex + bibtex, the Markdown notes with pandoc --citeproc. Each build
// runs in a copy of the folder (the workspace keeps no .aux or .log), and reports the tools' exit
// codes and every citation that did not resolve.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Build {
  /** Each tool run, with its exit code. */
  runs: Array<{ command: string; status: number }>;
  /** Keys cited in the document that the bibliography did not resolve. */
  unresolved: string[];
  /** Keys the built bibliography printed. */
  printed: string[];
  /** What the tools said was wrong (BibTeX errors, missing entries, pandoc warnings). */
  problems: string[];
}

function run(command: string, args: string[], cwd: string): { status: number; out: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, max_print_line: '10000' } });
  if (result.error)
    throw new Error(`Could not start ${command} (${result.error.message}); install it (apt-get install texlive-latex-base pandoc) and run again.`);
  return { status: result.status ?? 1, out: `${result.stdout}${result.stderr}` };
}

function inCopy<T>(folder: string, work: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'pf-build-'));
  try {
    cpSync(folder, dir, { recursive: true });
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdflatex, bibtex, pdflatex, pdflatex on `root` (a .tex file in `folder`), as latexmk would. */
export function buildLatex(folder: string, root: string): Build {
  return inCopy(folder, (dir) => {
    const job = root.replace(/\.tex$/, '');
    const latex = () => run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', root], dir);
    const runs: Build['runs'] = [];
    const first = latex();
    runs.push({ command: 'pdflatex', status: first.status });
    const bibtex = run('bibtex', [job], dir);
    runs.push({ command: 'bibtex', status: bibtex.status });
    for (let i = 0; i < 2; i++) runs.push({ command: 'pdflatex', status: latex().status });
    const log = readFileSync(path.join(dir, `${job}.log`), 'utf8');
    const aux = readFileSync(path.join(dir, `${job}.aux`), 'utf8');
    const unresolved = [...log.matchAll(/Citation [`'](\S+?)' on page \d+ undefined/g)].map((m) => m[1]!);
    const printed = existsSync(path.join(dir, `${job}.bbl`))
      ? [...readFileSync(path.join(dir, `${job}.bbl`), 'utf8').matchAll(/\\bibitem(?:\[[\s\S]*?\])?\{([^}]+)\}/g)].map((m) => m[1]!)
      : [];
    const problems = bibtex.out.split('\n').filter((line) => /^Warning--|error message|^I was expecting|^I'm skipping|Illegal/.test(line));
    if (!aux.includes('\\bibdata{')) problems.push(`${root} names no bibliography (no \\bibdata in ${job}.aux)`);
    return { runs, unresolved: [...new Set(unresolved)], printed, problems };
  });
}

/** pandoc --citeproc on a Markdown file whose YAML `bibliography:` names its .bib. */
export function buildPandoc(folder: string, file: string): Build {
  return inCopy(folder, (dir) => {
    const result = run('pandoc', [file, '--citeproc', '--to', 'html', '--output', 'out.html'], dir);
    const html = result.status === 0 ? readFileSync(path.join(dir, 'out.html'), 'utf8') : '';
    const unresolved = [...result.out.matchAll(/Citeproc: citation (\S+) not found/g)].map((m) => m[1]!);
    const printed = [...html.matchAll(/<div id="ref-([^"]+)"/g)].map((m) => m[1]!);
    const problems = [...result.out.matchAll(/^\[WARNING\] (.*)$/gm)].map((m) => m[1]!);
    return { runs: [{ command: 'pandoc --citeproc', status: result.status }], unresolved, printed, problems };
  });
}
