// What a LaTeX source says about its project, read the way LaTeX Workshop reads it: the root file
// a `% !TEX root` magic comment or a subfiles class names, whether a file is a root itself, the
// files it \input / \include, and the .bib files \bibliography and \addbibresource name. Pure text
// work; finding and reading the files is latex-bibliography.ts's.

/**
 * The text with every TeX comment blanked (from an unescaped `%` to the end of its line), so a
 * commented-out `\bibliography{old}` counts for nothing. Line breaks stay where they were.
 */
export function withoutComments(text: string): string {
  // A % preceded by an even number of backslashes (none, or "\\" line breaks) starts a comment.
  return text.replace(/(^|[^\\](?:\\\\)*|^(?:\\\\)+)%.*$/gm, '$1');
}

// "% !TEX root = ../main.tex", also "%!TeX root=main.tex"; TeXShop, TeXstudio and LaTeX Workshop
// all read it anywhere in the file, usually in the first lines.
const MAGIC_ROOT = /^[ \t]*%[ \t]*![ \t]*tex[ \t]+root[ \t]*=[ \t]*(.+?)[ \t]*$/im;

/** The root file a `% !TEX root = …` magic comment names, as written (relative to this file's folder). */
export function magicRoot(text: string): string | undefined {
  return MAGIC_ROOT.exec(text)?.[1];
}

/** The main file of a `subfiles` child: `\documentclass[../main.tex]{subfiles}`. */
export function subfilesRoot(text: string): string | undefined {
  const main = /\\documentclass\s*\[([^\]]+)\]\s*\{subfiles\}/.exec(withoutComments(text))?.[1]?.trim();
  return main ? withExtension(main, '.tex') : undefined;
}

/** A file that can be compiled on its own: it has a \documentclass or \begin{document}. */
export function isRootFile(text: string): boolean {
  return /\\documentclass\b|\\begin\s*\{document\}/.test(withoutComments(text));
}

/** A file an \input-like command pulls in. */
export interface TexInput {
  /** The names TeX tries, in order: `chapter` is looked for as chapter.tex, then as written. */
  candidates: string[];
  /** `\import{dir}{file}` reads `file` from `dir`. */
  folder?: string;
  /** \subimport and friends: `dir` is relative to the importing file, not to the root. */
  relativeToFile: boolean;
}

const INPUTS =
  /\\(input|include|subfile|subfileinclude|InputIfFileExists)\s*\{([^{}]+)\}|\\(import|subimport|inputfrom|subinputfrom|includefrom|subincludefrom)\*?\s*\{([^{}]*)\}\s*\{([^{}]+)\}/g;

/** The files `text` inputs, in the order it inputs them. */
export function texInputs(text: string): TexInput[] {
  const inputs: TexInput[] = [];
  for (const match of withoutComments(text).matchAll(INPUTS)) {
    const name = (match[2] ?? match[5]!).trim();
    // TeX looks for `name.tex` first, then `name` as written (\include only for the first).
    const candidates = /\.tex$/i.test(name) || match[1] === 'include' ? [withExtension(name, '.tex')] : [`${name}.tex`, name];
    if (match[1]) inputs.push({ candidates, relativeToFile: false });
    else inputs.push({ candidates, folder: match[4]!.trim(), relativeToFile: match[3]!.startsWith('sub') });
  }
  return inputs;
}

/** A .bib file a document names, with the command that named it. */
export interface NamedBibliography {
  /** As the command names it, with `.bib` added where BibTeX adds it. */
  path: string;
  command: string;
}

// \bibliography{a,b} (BibTeX, natbib, bibentry's \nobibliography), \addbibresource[opts]{x.bib}
// and biblatex's global/section variants. Options may say the resource is remote (a URL).
const BIBLIOGRAPHY = /\\(bibliography|nobibliography|addbibresource|addglobalbib|addsectionbib)\s*(?:\[([^\]]*)\])?\s*\{([^{}]*)\}/g;

/** The .bib files `text` names, in order, each once. */
export function namedBibliographies(text: string): NamedBibliography[] {
  const named: NamedBibliography[] = [];
  for (const match of withoutComments(text).matchAll(BIBLIOGRAPHY)) {
    const [, command, options, list] = match;
    if (command === 'bibliography' || command === 'nobibliography') {
      // BibTeX takes a comma-separated list of names and adds .bib to each.
      for (const name of list!
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean))
        named.push({ path: withExtension(name, '.bib'), command });
    } else if (!/\blocation\s*=\s*remote\b/.test(options ?? '') && list!.trim() !== '') {
      // biblatex takes one resource, named in full; a remote one is a URL, never a file to write.
      named.push({ path: list!.trim(), command: command! });
    }
  }
  return named.filter((n, i) => named.findIndex((m) => m.path === n.path) === i);
}

/** The packages a document loads, e.g. ["natbib", "biblatex"]. */
export function loadedPackages(text: string): string[] {
  const packages: string[] = [];
  for (const match of withoutComments(text).matchAll(/\\(?:usepackage|RequirePackage)\s*(?:\[[^\]]*\])?\s*\{([^{}]+)\}/g)) {
    packages.push(
      ...match[1]!
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    );
  }
  return packages;
}

function withExtension(path: string, extension: string): string {
  return path.toLowerCase().endsWith(extension) ? path : `${path}${extension}`;
}
