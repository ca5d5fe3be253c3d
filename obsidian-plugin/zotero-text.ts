// Reading a paper back out of Paper Feed's own Markdown for "Save to Zotero": the abstract of a paper
// note, and which paper a line of a daily note is about.
import { tryParseArxivId } from '../core/arxiv/ids';

const ABS_LINK = /arxiv\.org\/abs\/([^)\s]+)/;
const WIKILINK = /\[\[([^\]|#]+)/;

/** The abstract under "## Abstract" in the generated part of a paper note, Markdown escapes undone; '' when there is none. */
export function paperAbstractOf(noteText: string): string {
  const match = /\n## Abstract\n\n([\s\S]*?)\n(?:## |%% paper-feed:end %%)/.exec(noteText.replace(/\r\n/g, '\n'));
  const text = match?.[1]?.trim() ?? '';
  if (text === '*No abstract.*') return '';
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~$])/g, '$1');
}

/**
 * The arXiv id of the paper the cursor is on in a daily note: an abs link or a link to a paper note
 * on the cursor's line, else in the entry the line belongs to (from its "###" heading on).
 */
export function paperIdNear(lines: readonly string[], cursorLine: number, resolve: (link: string) => string | undefined): string | undefined {
  const onLine = (line: string | undefined): string | undefined => {
    if (line === undefined) return undefined;
    const abs = ABS_LINK.exec(line);
    const id = abs ? tryParseArxivId(`https://arxiv.org/abs/${abs[1]}`)?.id : undefined;
    if (id) return id;
    const link = WIKILINK.exec(line);
    return link ? resolve(link[1]!.trim()) : undefined;
  };
  for (let i = cursorLine; i >= 0; i -= 1) {
    const line = lines[i];
    if (line === undefined || /^#{1,2} /.test(line)) return undefined; // a section heading: the cursor is on no paper
    if (line.startsWith('### ')) return onLine(line) ?? onLine(lines[i + 1]);
    if (i === cursorLine) {
      const here = onLine(line);
      if (here) return here;
    }
  }
  return undefined;
}
