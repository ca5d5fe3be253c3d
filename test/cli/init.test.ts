// `paper-feed init github-actions`: where the workflow goes (the repository above the vault),
// what it runs for a vault in a subfolder, and that a workflow you changed is kept unless --force.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import packageJson from '../../package.json';
import { ensureBuiltCli, runBuiltCli } from './support';
import { lintWorkflow, parseYaml } from '../release/workflow-tools';

const WORKFLOW = '.github/workflows/paper-feed.yml';
let work: string;

beforeAll(() => ensureBuiltCli(), 120_000);
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'pf-init-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function runSteps(text: string): string[] {
  const jobs = parseYaml(text).jobs as Record<string, { steps: Array<{ run?: string }> }>;
  return jobs.digest!.steps.flatMap((step) => (step.run ? [step.run] : []));
}

describe('paper-feed init github-actions', () => {
  it('writes the workflow at the repository root and names a vault in a subfolder, quoted', async () => {
    mkdirSync(path.join(work, '.git'));
    const vault = path.join(work, "Lab's notes");
    mkdirSync(vault);
    const result = await runBuiltCli(['init', 'github-actions', '--vault', vault], work);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`Wrote ${WORKFLOW} (paper-feed ${packageJson.version}, vault Lab's notes).`);
    const text = readFileSync(path.join(work, WORKFLOW), 'utf8');
    expect(existsSync(path.join(vault, '.github'))).toBe(false);
    const [fetch, commit] = runSteps(text);
    expect(fetch).toBe(`npx --yes paper-feed@${packageJson.version} daily --vault 'Lab'\\''s notes' | tee "$RUNNER_TEMP/paper-feed.txt"\n`);
    expect(commit).toContain(`-- 'Lab'\\''s notes/*.md' 'Lab'\\''s notes/.paper-feed/enrich-cache.json' |`);
    expect(await lintWorkflow(text, WORKFLOW)).toEqual([]);
  });

  it('says when the vault is not in a git repository yet, and writes into the vault', async () => {
    const result = await runBuiltCli(['init', 'github-actions'], work);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      `Wrote ${WORKFLOW} (paper-feed ${packageJson.version}, vault .).`,
      `${work} is not a git repository yet: run "git init" there, then add a GitHub remote.`,
    ]);
    expect(runSteps(readFileSync(path.join(work, WORKFLOW), 'utf8'))[0]).toContain('daily --vault . |');
  });

  it('keeps a workflow you changed unless told --force, and leaves an identical one alone', async () => {
    await runBuiltCli(['init', 'github-actions'], work);
    const file = path.join(work, WORKFLOW);
    expect((await runBuiltCli(['init', 'github-actions'], work)).stdout.split('\n')[0]).toBe(`${WORKFLOW} is already up to date.`);
    const mine = readFileSync(file, 'utf8').replace("'30 0 * * 1-5'", "'45 0 * * 1-5'");
    writeFileSync(file, mine);
    const refused = await runBuiltCli(['init', 'github-actions'], work);
    expect(refused).toEqual({
      code: 3,
      stdout: '',
      stderr: `${file} already exists and differs from what this version writes; run again with --force to replace it.\n`,
    });
    expect(readFileSync(file, 'utf8')).toBe(mine);
    const forced = await runBuiltCli(['init', 'github-actions', '--force'], work);
    expect(forced.stdout.split('\n')[0]).toBe(`Replaced ${WORKFLOW} (paper-feed ${packageJson.version}, vault .).`);
    expect(readFileSync(file, 'utf8')).toContain("'30 0 * * 1-5'");
  });

  it('refuses a vault folder that does not exist', async () => {
    const missing = path.join(work, 'nope');
    expect(await runBuiltCli(['init', 'github-actions', '--vault', missing], work)).toEqual({
      code: 3,
      stdout: '',
      stderr: `The vault folder ${missing} does not exist; give the folder of your vault with --vault.\n`,
    });
  });
});
