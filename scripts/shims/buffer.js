// gray-matter copies its input with Buffer.from; hosts without Node only need that to not throw.
export const Buffer =
  globalThis.Buffer ?? { from: (value) => value, isBuffer: () => false };
