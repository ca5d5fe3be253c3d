// A JavaScript regular expression run in time linear in the text, whatever the pattern: the
// pattern becomes a Thompson automaton, and the text is read once with every live state at once
// (as RE2 does), so /(a|a)*$/ on 20,000 characters takes microseconds, where backtracking takes
// longer than the universe has. Only test() is offered: rules ask whether a paper matches, never
// where. Each single character (a letter, a class, an escape, ".") is judged by JavaScript's own
// engine on that one character, so classes, \p{…}, case folding and the flags mean exactly what
// they mean in JavaScript. Lookbehinds run too: each is read once, forwards, into a table of the
// positions where it holds. Lookaheads and back-references cannot be run this way and are refused.

/** The syntax tree: only what decides whether a text matches (groups and laziness do not). */
export type RegexNode =
  | { type: 'char'; source: string }
  | { type: 'seq'; items: RegexNode[] }
  | { type: 'alt'; options: RegexNode[] }
  | { type: 'repeat'; body: RegexNode; min: number; max: number }
  | { type: 'assert'; kind: '^' | '$' | 'b' | 'B' }
  | { type: 'look'; behind: boolean; negate: boolean; body: RegexNode }
  | { type: 'backref' };

/** Why a valid pattern cannot be run in linear time. */
export class NotLinear extends Error {
  constructor(readonly construct: 'lookahead' | 'back-reference' | 'size') {
    super(construct);
  }
}

/** The tree of a pattern JavaScript accepts (new RegExp(pattern, flags) did not throw). */
export function parseRegex(pattern: string, flags: string): RegexNode {
  return new Parser(pattern, /[uv]/.test(flags), flags.includes('v')).parse();
}

/** True when a repetition repeats something that itself repeats: (a+)+, (\w+\s?)+, (?:x*)* . */
export function nestsRepetition(node: RegexNode, inside = false): boolean {
  switch (node.type) {
    case 'repeat':
      return inside || nestsRepetition(node.body, true);
    case 'seq':
      return node.items.some((item) => nestsRepetition(item, inside));
    case 'alt':
      return node.options.some((option) => nestsRepetition(option, inside));
    case 'look':
      return nestsRepetition(node.body, inside);
    default:
      return false;
  }
}

class Parser {
  private pos = 0;

  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
    private readonly sets: boolean,
  ) {}

  parse(): RegexNode {
    return this.alternatives();
  }

  private alternatives(): RegexNode {
    const options = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos += 1;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { type: 'alt', options };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') items.push(this.quantified(this.atom()));
    return items.length === 1 ? items[0]! : { type: 'seq', items };
  }

  private atom(): RegexNode {
    const { src } = this;
    const start = this.pos;
    const ch = src[start]!;
    if (ch === '^' || ch === '$') {
      this.pos += 1;
      return { type: 'assert', kind: ch };
    }
    if (ch === '(') return this.group();
    if (ch === '[') return this.characterClass();
    if (ch === '\\') return this.escape();
    this.pos += this.unicode ? String.fromCodePoint(src.codePointAt(start)!).length : 1;
    return { type: 'char', source: src.slice(start, this.pos) };
  }

  private group(): RegexNode {
    const look = /^\(\?(<?)([=!])/.exec(this.src.slice(this.pos, this.pos + 4));
    const named = /^\(\?<[^=!>][^>]*>/.exec(this.src.slice(this.pos, this.pos + 200));
    this.pos += look ? look[0].length : named ? named[0].length : this.src.startsWith('(?:', this.pos) ? 3 : 1;
    const body = this.alternatives();
    this.pos += 1; // ")"
    return look ? { type: 'look', behind: look[1] === '<', negate: look[2] === '!', body } : body;
  }

  private characterClass(): RegexNode {
    const { src } = this;
    let i = this.pos + 1;
    let depth = 0;
    for (; i < src.length; i += 1) {
      if (src[i] === '\\') i += 1;
      else if (this.sets && src[i] === '[') depth += 1;
      else if (src[i] === ']' && depth-- === 0) break;
    }
    const source = src.slice(this.pos, i + 1);
    this.pos = i + 1;
    return { type: 'char', source };
  }

  private escape(): RegexNode {
    const { src } = this;
    const start = this.pos;
    const rest = src.slice(start + 1, start + 16);
    const take = (length: number): RegexNode => {
      this.pos = start + 1 + length;
      return { type: 'char', source: src.slice(start, this.pos) };
    };
    const c = rest[0];
    if (c === 'b' || c === 'B') {
      this.pos += 2;
      return { type: 'assert', kind: c };
    }
    if (/^[1-9]/.test(rest) || rest.startsWith('k<')) {
      this.pos = start + 1 + (/^(?:\d+|k<[^>]*>)/.exec(rest)?.[0].length ?? 1);
      return { type: 'backref' };
    }
    if (this.unicode && rest.startsWith('u{')) return take(rest.indexOf('}') + 1);
    if (/^u[\dA-Fa-f]{4}/.test(rest)) {
      // In unicode mode a surrogate pair written as two escapes is one character.
      const pair = this.unicode && /^u[dD][89abAB][\dA-Fa-f]{2}\\u[dD][c-fC-F][\dA-Fa-f]{2}/.test(rest + src.slice(start + 16, start + 20));
      return take(pair ? 11 : 5);
    }
    if (/^x[\dA-Fa-f]{2}/.test(rest)) return take(3);
    if (/^c[A-Za-z]/.test(rest)) return take(2);
    if (this.unicode && /^[pP]\{/.test(rest + src.slice(start + 16))) return take(src.indexOf('}', start) - start);
    if (!this.unicode && /^[0-7]/.test(rest)) return take(/^[0-7]{1,3}/.exec(rest)![0].length);
    // "\c" with no letter is a backslash (the "c" that follows is read on its own), as in web browsers.
    if (c === 'c') {
      this.pos = start + 1;
      return { type: 'char', source: '\\\\' };
    }
    return take(this.unicode ? String.fromCodePoint(src.codePointAt(start + 1)!).length : 1);
  }

  private quantified(atom: RegexNode): RegexNode {
    const { src } = this;
    let min: number;
    let max: number;
    const ch = src[this.pos];
    const braces = ch === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(src.slice(this.pos, this.pos + 40)) : null;
    if (ch === '*') [min, max] = [0, Infinity];
    else if (ch === '+') [min, max] = [1, Infinity];
    else if (ch === '?') [min, max] = [0, 1];
    else if (braces) {
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
    } else return atom;
    this.pos += braces ? braces[0].length : 1;
    if (src[this.pos] === '?') this.pos += 1; // lazy: the same set of matches
    return { type: 'repeat', body: atom, min, max };
  }
}

// The automaton: states linked by `next`; a split offers two ways on without reading.
type State =
  | { kind: 'char'; id: number; test: (code: number) => boolean; next: State }
  | { kind: 'split'; id: number; a: State; b: State }
  | { kind: 'assert'; id: number; assert: '^' | '$' | 'b' | 'B'; next: State }
  | { kind: 'look'; id: number; look: Automaton; negate: boolean; next: State }
  | { kind: 'match'; id: number };

interface Automaton {
  start: State;
  size: number;
  looks: Array<Extract<State, { kind: 'look' }>>;
  /** The characters a match can start with, assertions taken as passed (so never too few). */
  first: Array<Extract<State, { kind: 'char' }>>;
  /** Whether a match might read no character at all. */
  nullable: boolean;
}

// RE2 refuses programs past a similar size; /x{1000}{1000}/ would otherwise take the memory.
const MAX_STATES = 20_000;

/** What a compiled rule offers: RegExp.test's contract, in linear time. */
export interface LinearRegex {
  test(text: string): boolean;
}

/** The automaton of a tree; throws NotLinear for a lookahead, a back-reference or a pattern too large. */
export function compileRegex(tree: RegexNode, flags: string): LinearRegex {
  const unicode = /[uv]/.test(flags);
  const multiline = flags.includes('m');
  const caseless = flags.includes('i');
  const native = Array.from(flags)
    .filter((flag) => 'isuv'.includes(flag))
    .join('');
  const automaton = build(tree, native, caseless, { states: 0 });
  // \w, which \b looks at; with i and u JavaScript adds ſ (U+017F) and the Kelvin sign.
  const isWord = (code: number) =>
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    (caseless && unicode && (code === 0x17f || code === 0x212a));
  const isLineEnd = (code: number) => code === 10 || code === 13 || code === 0x2028 || code === 0x2029;

  function scan(machine: Automaton, text: string, firstOnly: boolean): boolean | Uint8Array {
    const holds = new Map(machine.looks.map((look) => [look, scan(look.look, text, false) as Uint8Array]));
    const ends = firstOnly ? undefined : new Uint8Array(text.length + 1);
    const seen = new Int32Array(machine.size).fill(-1);
    const stack: State[] = [];
    let live: Array<Extract<State, { kind: 'char' }>> = [];
    let carried: State[] = [];
    const codeAt = (at: number) => (unicode ? text.codePointAt(at)! : text.charCodeAt(at));
    for (let at = 0; ;) {
      if (carried.length === 0 && !machine.nullable) {
        // Nothing under way: skip to where the pattern's first character could be.
        while (at < text.length && !machine.first.some((state) => state.test(codeAt(at)))) at += codeAt(at) > 0xffff ? 2 : 1;
        if (at >= text.length) return ends ?? false;
      }
      let matched = false;
      stack.push(...carried, machine.start);
      while (stack.length > 0) {
        const state = stack.pop()!;
        if (seen[state.id] === at) continue;
        seen[state.id] = at;
        switch (state.kind) {
          case 'char':
            live.push(state);
            break;
          case 'split':
            stack.push(state.b, state.a);
            break;
          case 'assert': {
            const a = state.assert;
            const ok =
              a === '^'
                ? at === 0 || (multiline && isLineEnd(text.charCodeAt(at - 1)))
                : a === '$'
                  ? at === text.length || (multiline && isLineEnd(text.charCodeAt(at)))
                  : ((at > 0 && isWord(text.charCodeAt(at - 1))) !== (at < text.length && isWord(text.charCodeAt(at)))) === (a === 'b');
            if (ok) stack.push(state.next);
            break;
          }
          case 'look':
            if ((holds.get(state)![at] === 1) !== state.negate) stack.push(state.next);
            break;
          case 'match':
            matched = true;
        }
      }
      if (matched) {
        if (!ends) return true;
        ends[at] = 1;
      }
      if (at >= text.length) return ends ?? false;
      const code = codeAt(at);
      carried = [];
      for (const state of live) if (state.test(code)) carried.push(state.next);
      live = [];
      at += code > 0xffff ? 2 : 1;
    }
  }

  return { test: (text) => scan(automaton, text, true) as boolean };
}

function build(tree: RegexNode, nativeFlags: string, caseless: boolean, counter: { states: number }): Automaton {
  let size = 0;
  const looks: Automaton['looks'] = [];
  const id = () => {
    if (++counter.states > MAX_STATES) throw new NotLinear('size');
    return size++;
  };
  const tests = new Map<string, (code: number) => boolean>();
  const testOf = (source: string): ((code: number) => boolean) => {
    let test = tests.get(source);
    if (!test) {
      test = characterTest(source, nativeFlags, caseless);
      tests.set(source, test);
    }
    return test;
  };
  const to = (node: RegexNode, next: State): State => {
    switch (node.type) {
      case 'char':
        return { kind: 'char', id: id(), test: testOf(node.source), next };
      case 'seq':
        return node.items.reduceRight((after, item) => to(item, after), next);
      case 'alt':
        return node.options
          .slice(0, -1)
          .reduceRight<State>((rest, option) => ({ kind: 'split', id: id(), a: to(option, next), b: rest }), to(node.options.at(-1)!, next));
      case 'repeat': {
        let state = next;
        if (node.max === Infinity) {
          const loop = { kind: 'split', id: id(), a: next, b: next } as Extract<State, { kind: 'split' }>;
          loop.a = to(node.body, loop);
          state = loop;
        } else {
          for (let i = node.min; i < node.max; i += 1) state = { kind: 'split', id: id(), a: to(node.body, state), b: next };
        }
        for (let i = 0; i < node.min; i += 1) state = to(node.body, state);
        return state;
      }
      case 'assert':
        return { kind: 'assert', id: id(), assert: node.kind, next };
      case 'look': {
        if (!node.behind) throw new NotLinear('lookahead');
        const look = { kind: 'look' as const, id: id(), look: build(node.body, nativeFlags, caseless, counter), negate: node.negate, next };
        looks.push(look);
        return look;
      }
      case 'backref':
        throw new NotLinear('back-reference');
    }
  };
  const start = to(tree, { kind: 'match', id: id() });
  const first: Automaton['first'] = [];
  let nullable = false;
  const reached = new Set<State>();
  for (const stack = [start]; stack.length > 0;) {
    const state = stack.pop()!;
    if (reached.has(state)) continue;
    reached.add(state);
    if (state.kind === 'char') first.push(state);
    else if (state.kind === 'split') stack.push(state.a, state.b);
    else if (state.kind === 'match') nullable = true;
    else stack.push(state.next);
  }
  return { start, size, looks, first, nullable };
}

/** Whether one character (a code point, or a code unit without the u flag) is what `source` stands for. */
function characterTest(source: string, nativeFlags: string, caseless: boolean): (code: number) => boolean {
  if (!caseless && source.length === 1 && !'.[\\'.includes(source)) {
    const expected = source.charCodeAt(0);
    return (code) => code === expected;
  }
  const pattern = new RegExp(`^(?:${source})$`, nativeFlags);
  const ascii = new Int8Array(128); // 0: not asked yet, 1: yes, -1: no
  const known = new Map<number, boolean>();
  return (code) => {
    if (code < 128) {
      if (ascii[code] === 0) ascii[code] = pattern.test(String.fromCharCode(code)) ? 1 : -1;
      return ascii[code] === 1;
    }
    let result = known.get(code);
    if (result === undefined) {
      result = pattern.test(String.fromCodePoint(code));
      known.set(code, result);
    }
    return result;
  };
}
