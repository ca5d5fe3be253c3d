// Types for text-loaders.mjs.
export declare const TEXT_LOADERS: Readonly<Record<string, 'text'>>;
