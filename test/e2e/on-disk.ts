// Waits for a file on disk to reach an expected state (the editor saves asynchronously), and
// returns what it last held so the assertion can show the difference when it never does.
import { readFileSync } from 'node:fs';

export async function waitForFile(file: string, isReady: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  // Read straight: the extension swaps a file in whole, so a moment without it is a failure
  // (readFileSync's ENOENT names the file), not something to wait out.
  let text = readFileSync(file, 'utf8');
  while (!isReady(text) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    text = readFileSync(file, 'utf8');
  }
  return text;
}

/** Counts BibTeX entries ("@type{key,") in a .bib file's text. */
export function bibEntryKeys(bib: string): string[] {
  return [...bib.matchAll(/^@\w+\s*\{\s*([^,\s]+)\s*,/gm)].map((match) => match[1] ?? '');
}
