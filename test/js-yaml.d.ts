// Types for the js-yaml 3 Paper Feed pins as a test dependency (the package ships none): the safe
// loader and dumper that are the reference for Paper Feed's own YAML reader and writer
// (test/notes/yaml), and the plain load/dump with a schema the Obsidian stand-in uses the way
// Obsidian uses its YAML library, without date types.
declare module 'js-yaml' {
  export interface DumpOptions {
    schema?: unknown;
    indent?: number;
    flowLevel?: number;
    lineWidth?: number;
    noRefs?: boolean;
    noCompatMode?: boolean;
    condenseFlow?: boolean;
    sortKeys?: boolean;
    noArrayIndent?: boolean;
  }
  export const CORE_SCHEMA: unknown;
  export function load(text: string, options?: { schema?: unknown }): unknown;
  export function dump(value: unknown, options?: DumpOptions): string;
  export function safeLoad(text: string): unknown;
  export function safeDump(value: unknown, options?: DumpOptions): string;
}
