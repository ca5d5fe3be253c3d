// Math in a .bib title ("$\alpha$-Stable {$\left\lbrace x \right.$}") as Unicode text, the way
// Zotero shows it: Greek letters and common symbols become their characters, sizing and font
// commands go, and spaces are dropped as TeX drops them in math. A command it does not know
// stays as written.

const GREEK_NAMES = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho varsigma sigma tau upsilon phi chi psi omega';

function greek(): Record<string, string> {
  const letters: Record<string, string> = {};
  GREEK_NAMES.split(' ').forEach((name, i) => {
    letters[name] = String.fromCodePoint(0x3b1 + i);
    // Capitals (no final sigma among them): Α is U+0391.
    if (name !== 'varsigma') letters[name[0]!.toUpperCase() + name.slice(1)] = String.fromCodePoint(0x391 + i);
  });
  return { ...letters, varepsilon: 'ε', vartheta: 'ϑ', varphi: 'φ', varrho: 'ϱ', varpi: 'ϖ', phi: 'ϕ', epsilon: 'ϵ' };
}

const SYMBOLS: Readonly<Record<string, string>> = {
  ...greek(),
  lbrace: '{',
  rbrace: '}',
  langle: '⟨',
  rangle: '⟩',
  lvert: '|',
  rvert: '|',
  vert: '|',
  Vert: '‖',
  '{': '{',
  '}': '}',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  sim: '∼',
  simeq: '≃',
  equiv: '≡',
  propto: '∝',
  ll: '≪',
  gg: '≫',
  times: '×',
  cdot: '·',
  pm: '±',
  mp: '∓',
  div: '÷',
  infty: '∞',
  partial: '∂',
  nabla: '∇',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  Rightarrow: '⇒',
  leftrightarrow: '↔',
  mapsto: '↦',
  in: '∈',
  notin: '∉',
  subset: '⊂',
  subseteq: '⊆',
  cup: '∪',
  cap: '∩',
  forall: '∀',
  exists: '∃',
  emptyset: '∅',
  sum: '∑',
  prod: '∏',
  int: '∫',
  oint: '∮',
  sqrt: '√',
  ell: 'ℓ',
  hbar: 'ℏ',
  star: '⋆',
  ast: '∗',
  circ: '∘',
  otimes: '⊗',
  oplus: '⊕',
  dagger: '†',
  ldots: '…',
  cdots: '⋯',
  dots: '…',
  prime: '′',
  perp: '⊥',
  parallel: '∥',
  log: 'log',
  ln: 'ln',
  exp: 'exp',
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  max: 'max',
  min: 'min',
  lim: 'lim',
  sup: 'sup',
  inf: 'inf',
  det: 'det',
};

// Commands that only size, space or style what follows: they leave nothing of their own.
const SILENT =
  /^(?:left|right|middle|[bB]igg?[lr]?|mathrm|mathbf|mathit|mathsf|mathtt|mathcal|mathbb|mathfrak|boldsymbol|bm|text|textrm|textbf|textit|operatorname|mbox|displaystyle|textstyle|quad|qquad|[,;:!])$/;

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/** The math between "$"s as text. */
export function mathText(tex: string): string {
  let text = '';
  let wordBefore = false;
  // x^2, x^{10}, a_1: digits are raised or lowered; anything else keeps its ^ or _.
  const scripted = tex.replace(/([\^_])(?:(\d)|\{(\d+)\})/g, (_, mark: string, one?: string, many?: string) =>
    Array.from(one ?? many!)
      .map((digit) => (mark === '^' ? SUPERSCRIPTS : SUBSCRIPTS)[Number(digit)])
      .join(''),
  );
  for (const [, name, brace, other] of scripted.matchAll(/\\([A-Za-z]+|.)\s*|([{}])|\s+|([^\\{}\s]+)/gs)) {
    if (name !== undefined) {
      if (SILENT.test(name)) continue;
      // \% \$ \& \# \_: the character itself.
      if (/^[%$&#_]$/.test(name)) {
        text += name;
        continue;
      }
      const symbol = SYMBOLS[name];
      // A word operator (log, max) is set apart from letters on either side, as TeX sets it.
      const word = symbol !== undefined && /^[a-z]{2,}$/.test(symbol);
      text += symbol === undefined ? `\\${name}` : word && /\w$/.test(text) ? ` ${symbol}` : symbol;
      wordBefore = word;
      continue;
    }
    if (other !== undefined) text += wordBefore && /^\w/.test(other) ? ` ${other}` : other;
    if (brace === undefined) wordBefore = false;
  }
  return text;
}
