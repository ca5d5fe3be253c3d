// Where a flow cites in the workspace's notes.md, and what the file must hold afterwards: the
// person puts the cursor at the end of a sentence, types a space, and cites before the full stop.

export interface CitationSpot {
  /** 1-based, as "Go to Line/Column" takes them; the column is the full stop's. */
  line: number;
  column: number;
  /** The whole file as it must be on disk once `citation` went in after a typed space. */
  expected: (citation: string) => string;
}

/** The spot just before the full stop that ends `sentence` (which must occur once in `text`). */
export function spotBefore(text: string, sentence: string): CitationSpot {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.endsWith(sentence));
  if (index < 0 || lines.filter((line) => line.endsWith(sentence)).length !== 1) {
    throw new Error(`The notes fixture must end exactly one line with "${sentence}".`);
  }
  const line = lines[index] ?? '';
  const stop = line.length - 1;
  return {
    line: index + 1,
    column: stop + 1,
    expected: (citation) => lines.map((l, i) => (i === index ? `${l.slice(0, stop)} ${citation}${l.slice(stop)}` : l)).join('\n'),
  };
}
