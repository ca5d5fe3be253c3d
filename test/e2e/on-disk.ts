// Waits for a file on disk to reach an expected state (the editor saves asynchronously), and
// returns what it last held so the assertion can show the difference when it never does.
import { readFileSync } from 'node:fs';

export async function waitForFile(file: string, isReady: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = readNow(file);
  while ((text === undefined || !isReady(text)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    text = readNow(file);
  }
  // Still missing at the deadline: read once more so the failure names the file.
  return text ?? readFileSync(file, 'utf8');
}

/**
 * The file's text, or undefined while it is missing: VS Code's rename over an existing file
 * (how the extension replaces a .bib whole) can remove the old one a moment before the new
 * one takes its name.
 */
function readNow(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Counts BibTeX entries ("@type{key,") in a .bib file's text. */
export function bibEntryKeys(bib: string): string[] {
  return [...bib.matchAll(/^@\w+\s*\{\s*([^,\s]+)\s*,/gm)].map((match) => match[1] ?? '');
}
