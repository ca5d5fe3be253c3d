// The sample feed is data (core/node/sample/announcement.xml), read as text by the tests and by
// every esbuild bundle. Moving it out of a template string must not change one byte of what
// `paper-feed daily --sample` reads.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { SAMPLE_ANNOUNCEMENT_XML } from '../../core/node/sample/announcement';
import { TEXT_LOADERS } from '../../scripts/text-loaders.mjs';

// What the template string in announcement.ts produced before the feed became a file.
const FORMER_LENGTH = 48_967;
const FORMER_SHA256 = 'eee34471aff583dacc56f94fb8dc070965f195697bcbb3ee1ea6196f80aaa318';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the sample feed', () => {
  it('is, as the tests read it, the same text the template string held', () => {
    expect(SAMPLE_ANNOUNCEMENT_XML.length).toBe(FORMER_LENGTH);
    expect(sha256(SAMPLE_ANNOUNCEMENT_XML)).toBe(FORMER_SHA256);
    // TeX stays as arXiv sends it, the grave accent the template had to splice in included.
    expect(SAMPLE_ANNOUNCEMENT_XML).toContain(String.raw`Ana\"is Lef\`evre`);
    expect(SAMPLE_ANNOUNCEMENT_XML).toBe(readFileSync(new URL('../../core/node/sample/announcement.xml', import.meta.url), 'utf8'));
  });

  it('is, as an esbuild bundle reads it with the project loaders, the same text', async () => {
    const built = await esbuild.build({
      entryPoints: [new URL('../../core/node/sample/announcement.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      loader: TEXT_LOADERS,
      logLevel: 'silent',
    });
    const code = built.outputFiles[0]!.text;
    const bundled = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { SAMPLE_ANNOUNCEMENT_XML: string };
    expect(sha256(bundled.SAMPLE_ANNOUNCEMENT_XML)).toBe(FORMER_SHA256);
  });
});
