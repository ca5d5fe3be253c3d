// Data files imported as text (esbuild's "text" loader, scripts/text-loaders.mjs): the default
// export is the file's contents.
declare module '*.xml' {
  const text: string;
  export default text;
}
