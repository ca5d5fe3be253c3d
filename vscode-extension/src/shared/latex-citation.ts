// LaTeX citation commands: which ones a project can use (natbib's, biblatex's, or plain \cite) and
// the text each inserts.

export const LATEX_COMMANDS = ['cite', 'citep', 'citet', 'parencite', 'textcite', 'autocite'] as const;
export type LatexCommand = (typeof LATEX_COMMANDS)[number];

export const LATEX_COMMAND_NAMES: Record<LatexCommand, string> = {
  cite: '\\cite',
  citep: '\\citep (natbib, in parentheses)',
  citet: '\\citet (natbib, in the sentence)',
  parencite: '\\parencite (biblatex, in parentheses)',
  textcite: '\\textcite (biblatex, in the sentence)',
  autocite: '\\autocite (biblatex, as the style cites)',
};

export function isLatexCommand(format: string): format is LatexCommand {
  return (LATEX_COMMANDS as readonly string[]).includes(format);
}

/** `\citep{a,b}`: one command for all the keys, as LaTeX takes them. */
export function latexCitation(command: LatexCommand, keys: readonly string[]): string {
  return `\\${command}{${keys.join(',')}}`;
}

/**
 * The commands worth offering for a project that loads `packages`: biblatex's own with biblatex,
 * natbib's otherwise (\citep and \citet need natbib, which most author-year classes load).
 */
export function commandsFor(packages: readonly string[]): LatexCommand[] {
  return packages.includes('biblatex') ? ['cite', 'parencite', 'textcite', 'autocite'] : ['cite', 'citep', 'citet'];
}
