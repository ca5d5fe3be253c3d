// Types for the js-yaml 3 Paper Feed pins (the package ships none): the safe loader and dumper
// the frontmatter code uses, and the plain load/dump with a schema the Obsidian stand-in uses
// the way Obsidian uses its YAML library, without date types.
declare module 'js-yaml' {
  export const CORE_SCHEMA: unknown;
  export function load(text: string, options?: { schema?: unknown }): unknown;
  export function dump(value: unknown, options?: { schema?: unknown; lineWidth?: number; noRefs?: boolean }): string;
  export function safeLoad(text: string): unknown;
  export function safeDump(value: unknown, options?: { lineWidth?: number; noRefs?: boolean; flowLevel?: number }): string;
}
