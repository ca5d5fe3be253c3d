// The repository's own GitHub workflows: both pass actionlint; CI runs what .ci/run runs; a
// release fires on a tag X.Y.Z only (never vX.Y.Z) and attaches the files `npm run release` builds.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './support';
import { jobSteps, lintWorkflow, parseYaml } from './workflow-tools';

const read = (name: string) => readFileSync(path.join(REPO, '.github', 'workflows', name), 'utf8');

/** GitHub's filter pattern for tags, as a regular expression (only the parts our pattern uses). */
function tagPattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/\./g, '\\.')}$`);
}

describe('GitHub workflows', () => {
  it.each(['ci.yml', 'release.yml'])('%s passes actionlint', async (name) => {
    expect(await lintWorkflow(read(name), `.github/workflows/${name}`)).toEqual([]);
  });

  it('are checked by a linter that does find mistakes', async () => {
    const broken = read('release.yml').replace('runs-on:', 'runs-onn:').replace('${{ github.token }}', '${{ github.tokn }}');
    const found = await lintWorkflow(broken, 'release.yml');
    expect(found.map((line) => line.replace(/^.*\[(\S+)\]$/, '$1')).sort()).toEqual(['expression', 'syntax-check', 'syntax-check']);
  });

  it('CI runs .ci/run, as the project machines do', () => {
    const steps = jobSteps(parseYaml(read('ci.yml')), 'test');
    expect(steps.filter((s) => s.run).map((s) => s.run!.trim())).toEqual(['bash .ci/run']);
  });

  it('a release fires on X.Y.Z tags, checks the build and attaches each release file', () => {
    const workflow = parseYaml(read('release.yml'));
    const [pattern] = (workflow.on as { push: { tags: string[] } }).push.tags;
    const tag = tagPattern(pattern!);
    expect(['0.1.0', '12.3.45'].map((t) => tag.test(t))).toEqual([true, true]);
    expect(['v0.1.0', '0.1', '0.1.0-beta', 'latest'].map((t) => tag.test(t))).toEqual([false, false, false, false]);
    const runs = jobSteps(workflow, 'release').flatMap((s) => (s.run ? [s.run.trim()] : []));
    expect(runs.slice(0, 3)).toEqual(['npm ci --no-audit --no-fund', 'npm run release', 'npm run release:check -- --tag "$GITHUB_REF_NAME"']);
    const attached = [...runs.at(-1)!.matchAll(/dist\/release\/([^\s"]+)/g)].map((m) => m[1]);
    expect(attached).toEqual(['main.js', 'manifest.json', 'styles.css', 'paper-feed-$GITHUB_REF_NAME.vsix', 'paper-feed-$GITHUB_REF_NAME.tgz']);
    expect(runs.at(-1)).toContain('gh release create "$GITHUB_REF_NAME" --title "$GITHUB_REF_NAME"');
  });
});
