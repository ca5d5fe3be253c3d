// Types for the js-yaml 3 that gray-matter brings along; the stand-in uses it the way Obsidian uses
// its YAML library, without date types.
declare module 'js-yaml' {
  export const CORE_SCHEMA: unknown;
  export function load(text: string, options?: { schema?: unknown }): unknown;
  export function dump(value: unknown, options?: { schema?: unknown; lineWidth?: number; noRefs?: boolean }): string;
}
