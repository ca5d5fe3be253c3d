// Translations and TL;DRs in the notes: where they show, the frontmatter keys, the
// pending marker a later run replaces, and no write when a run brings nothing new.
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../core/arxiv/paper';
import { DEFAULT_CONFIG } from '../../core/config';
import type { PaperEnrichment } from '../../core/enrich/enrich';
import { readFrontmatter } from '../../core/notes/frontmatter';
import { BLOCK_END, BLOCK_START, findMarkedBlock } from '../../core/notes/markers';
import { writeAnnouncement, type WriteOptions } from '../../core/notes/write';
import { MemoryStore } from '../../core/notes/memory-store';
import { makeAnnouncement, makePaper, sampleAnnouncement } from '../support/papers';

const MICRO = 'arXiv/Papers/Micro-Batch Scheduling for Large Language Model Training at Scale.md';
const DAILY = 'arXiv/Daily/2026-05-29.md';

const zhTitle = (p: Paper) => `译 ${p.id} 的标题`;
const zhAbstract = (p: Paper) => `译 ${p.id} 的摘要。`;
const zhTldr = (p: Paper) => `一句话 ${p.id}。`;

/** An enrich option answering every part, or leaving `missing` parts out; it records its calls. */
function enricher(missing: PaperEnrichment['missing'] = [], turnedDown?: PaperEnrichment['turnedDown']) {
  const calls: string[][] = [];
  const enrich: NonNullable<WriteOptions['enrich']> = async (papers) => {
    calls.push(papers.map((p) => p.id));
    return new Map(
      papers.map((p): [string, PaperEnrichment] => [
        p.id,
        {
          ...(missing.includes('title') ? {} : { titleTranslated: zhTitle(p) }),
          ...(missing.includes('abstract') ? {} : { abstractTranslated: zhAbstract(p) }),
          ...(missing.includes('tldr') ? {} : { tldr: zhTldr(p) }),
          missing: [...missing],
          ...(turnedDown ? { turnedDown } : {}),
        },
      ]),
    );
  };
  return { enrich, calls };
}

const micro = () => sampleAnnouncement().papers[0]!;

describe('translations and TL;DRs in notes', () => {
  it('asks once, with the matched papers then the updated ones', async () => {
    const { enrich, calls } = enricher();
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, new MemoryStore({ 'Mine.md': '---\narxiv_id: 2604.11111\nversion: 2\n---\n' }), { enrich });
    expect(calls).toEqual([['2605.28801', '2605.28815', '2605.28822', '2605.28830', '2605.28844', '2605.28860', '2605.28861', '2604.11111']]);
  });

  it('shows them in the paper note under the English title and abstract, and in its frontmatter', async () => {
    const store = new MemoryStore();
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher());
    const text = store.files.get(MICRO)!;
    const p = micro();
    expect(text).toContain(
      `${BLOCK_START}\n# Micro-Batch Scheduling for Large Language Model Training at Scale\n\n${zhTitle(p)}\n\n**TL;DR:** ${zhTldr(p)}\n\n- **Authors:** Wei Feng,`,
    );
    expect(text).toContain('Code: <https://github.com/example/microsched>.\n\n' + `${zhAbstract(p)}\n\n## BibTeX`);
    expect(readFrontmatter(text)).toMatchObject({ title: p.title, title_translated: zhTitle(p), tldr: zhTldr(p) });
    expect(text).toContain(`tags:\n  - paper\ntitle_translated: ${zhTitle(p)}\ntldr: ${zhTldr(p)}\n---\n`);
    expect(text).not.toContain('pending');
  });

  it('shows them in the daily note under each title, with the TL;DR on the folded abstract', async () => {
    const store = new MemoryStore();
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher());
    const p = micro();
    expect(store.files.get(DAILY)).toContain(
      [
        `### [[arXiv/Papers/Micro-Batch Scheduling for Large Language Model Training at Scale|${p.title}]]`,
        zhTitle(p),
        '',
        'Wei Feng, Maria Gómez, Jonas Müller et al. · cs.LG, cs.DC · [arXiv:2605.28801](https://arxiv.org/abs/2605.28801) · [PDF](https://arxiv.org/pdf/2605.28801v1)',
        '',
        `> [!abstract]- TL;DR: ${zhTldr(p)}`,
        '> Training large language models (LLMs) on thousands of accelerators wastes up to 30% of compute in pipeline bubbles. We propose **MicroSched**, a scheduler that reorders micro-batches so that bubbles shrink by a factor of $\\mathcal{O}(\\sqrt{p})$ for $p$ pipeline stages.',
        '>',
        '> On a 70B model, MicroSched improves throughput by 18% without changing the loss curve. Code: <https://github.com/example/microsched>.',
        '>',
        `> ${zhAbstract(p)}`,
      ].join('\n'),
    );
  });

  it('writes zero files when a second run gets the same results', async () => {
    const store = new MemoryStore();
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher());
    const writes = store.writes;
    const before = new Map(store.files);
    const again = await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher());
    expect(store.writes).toBe(writes);
    expect(store.files).toEqual(before);
    expect([again.updated, again.dailyNoteChange]).toEqual([[], 'unchanged']);
  });

  it('marks missing parts as pending, and the next run with results fills them in', async () => {
    const store = new MemoryStore();
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher(['title', 'abstract', 'tldr']));
    const pending = store.files.get(MICRO)!;
    expect(pending).toContain(
      '# Micro-Batch Scheduling for Large Language Model Training at Scale\n\n*Translation pending — the next run fills it in.*\n\n- **Authors:**',
    );
    expect(readFrontmatter(pending)).not.toHaveProperty('title_translated');
    expect(store.files.get(DAILY)).toContain(
      '[PDF](https://arxiv.org/pdf/2605.28801v1)\n\n*Translation pending — the next run fills it in.*\n\n> [!abstract]- Abstract\n',
    );

    const second = await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher());
    expect(second.updated).toHaveLength(7);
    expect(second.dailyNoteChange).toBe('updated');
    const filled = store.files.get(MICRO)!;
    expect(filled).not.toContain('pending');
    expect(filled).toContain(`\n\n${zhAbstract(micro())}\n\n## BibTeX`);
    expect(readFrontmatter(filled).title_translated).toBe(zhTitle(micro()));

    const writes = store.writes;
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher());
    expect(store.writes).toBe(writes);
  });

  it('says why a turned-down paper is not translated and when it is asked again, in both notes, and writes that once', async () => {
    const store = new MemoryStore();
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher(['title', 'abstract', 'tldr']));
    const english = { reason: 'the model answered in English, not zh-CN', askAgainFrom: '2026-05-30' };
    const marker = '*Not translated: the model answered in English, not zh-CN; Paper Feed asks again from 2026-05-30.*';
    const down = await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher(['title', 'abstract', 'tldr'], english));
    expect(down.updated).toHaveLength(7);
    expect(down.dailyNoteChange).toBe('updated');
    expect(store.files.get(MICRO)).toContain(`# Micro-Batch Scheduling for Large Language Model Training at Scale\n\n${marker}\n\n- **Authors:**`);
    expect(store.files.get(MICRO)).not.toContain('pending');
    expect(store.files.get(DAILY)).toContain(`[PDF](https://arxiv.org/pdf/2605.28801v1)\n\n${marker}\n\n> [!abstract]- Abstract\n`);

    // The same state again writes nothing; a later pause (turned down again) is news.
    const writes = store.writes;
    const same = await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher(['title', 'abstract', 'tldr'], english));
    expect([same.updated, same.dailyNoteChange, store.writes]).toEqual([[], 'unchanged', writes]);
    const later = await writeAnnouncement(
      sampleAnnouncement(),
      DEFAULT_CONFIG,
      store,
      enricher(['title', 'abstract', 'tldr'], { ...english, askAgainFrom: '2026-06-01' }),
    );
    expect(later.updated).toHaveLength(7);
    expect(store.files.get(MICRO)).toContain('*Not translated: the model answered in English, not zh-CN; Paper Feed asks again from 2026-06-01.*');
    expect(store.files.get(MICRO)).not.toContain(marker);

    // Once the answers come, the marker goes.
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher());
    expect(store.files.get(MICRO)).not.toContain('Not translated');
    expect(store.files.get(DAILY)).not.toContain('Not translated');
    expect(store.files.get(MICRO)).toContain(`${zhTitle(micro())}\n\n**TL;DR:** ${zhTldr(micro())}\n\n- **Authors:**`);
  });

  it('says "No TL;DR" with the reason when only a turned-down TL;DR is missing, escaped as Markdown', async () => {
    const store = new MemoryStore();
    await writeAnnouncement(
      sampleAnnouncement(),
      DEFAULT_CONFIG,
      store,
      enricher(['tldr'], { reason: 'the answer was *cut* short', askAgainFrom: '2026-06-13' }),
    );
    expect(store.files.get(MICRO)).toContain(
      `${zhTitle(micro())}\n\n*No TL;DR: the answer was \\*cut\\* short; Paper Feed asks again from 2026-06-13.*\n\n- **Authors:**`,
    );
  });

  it('says "TL;DR pending" when only the TL;DR is missing', async () => {
    const store = new MemoryStore();
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher(['tldr']));
    expect(store.files.get(MICRO)).toContain(`${zhTitle(micro())}\n\n*TL;DR pending — the next run fills it in.*\n\n- **Authors:**`);
  });

  it('adds translations to notes written before enrichment was turned on', async () => {
    const store = new MemoryStore();
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store);
    const report = await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher());
    expect(report.updated).toHaveLength(7);
    expect(store.files.get(MICRO)).toContain(`${zhTitle(micro())}\n\n**TL;DR:**`);
  });

  it('keeps the translations a note has when a run gets none, and does not write it', async () => {
    const store = new MemoryStore();
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher());
    const before = store.files.get(MICRO)!;
    const failed = await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher(['title', 'abstract', 'tldr']));
    expect(failed.updated).toEqual([]);
    expect(store.files.get(MICRO)).toBe(before);
    const off = await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store);
    expect(off.updated).toEqual([]);
    expect(store.files.get(MICRO)).toBe(before);
  });

  it('keeps the person’s text around the block when a later run fills it in', async () => {
    const store = new MemoryStore();
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher(['title', 'abstract', 'tldr']));
    const edited = store.files
      .get(MICRO)!
      .replace('\ntags:\n', '\nstatus: reading\ntags:\n')
      .replace(BLOCK_START, `Why I care.\n${BLOCK_START}`)
      .replace('## Notes\n\n', '## Notes\n\nMine.\n');
    store.files.set(MICRO, edited);
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher());
    const text = store.files.get(MICRO)!;
    expect(readFrontmatter(text)).toMatchObject({ status: 'reading', title_translated: zhTitle(micro()) });
    expect(text).toContain(`Why I care.\n${BLOCK_START}\n`);
    expect(text.endsWith(`${BLOCK_END}\n\n## Notes\n\nMine.\n`)).toBe(true);
  });

  it('replaces the translation when a new version is announced', async () => {
    const store = new MemoryStore();
    await writeAnnouncement(sampleAnnouncement(), DEFAULT_CONFIG, store, enricher());
    const v2 = { ...micro(), version: 2, announceType: 'replace' as const, abstract: 'Revised abstract.' };
    const enrich: WriteOptions['enrich'] = async () => new Map([[v2.id, { titleTranslated: '第二版标题', abstractTranslated: '修订后的摘要。', missing: [] }]]);
    await writeAnnouncement(makeAnnouncement([v2], { date: '2026-06-02' }), DEFAULT_CONFIG, store, { enrich });
    const text = store.files.get(MICRO)!;
    expect(text).toContain('Revised abstract.\n\n修订后的摘要。\n\n## BibTeX');
    expect(text).not.toContain(zhAbstract(v2));
    // The TL;DR of v1 stays in the frontmatter until a run brings one for v2.
    expect(readFrontmatter(text)).toMatchObject({ version: 2, title_translated: '第二版标题', tldr: zhTldr(v2) });
  });

  it('does not put an older version’s translation on a newer note', async () => {
    const store = new MemoryStore();
    const v3 = { ...micro(), version: 3 };
    await writeAnnouncement(makeAnnouncement([v3]), DEFAULT_CONFIG, store);
    const before = store.files.get(MICRO)!;
    const report = await writeAnnouncement(makeAnnouncement([micro()], { date: '2026-05-28' }), DEFAULT_CONFIG, store, enricher());
    expect(report.updated).toEqual([MICRO]);
    const text = store.files.get(MICRO)!;
    expect(readFrontmatter(text)).not.toHaveProperty('title_translated');
    expect(text.slice(text.indexOf(BLOCK_START))).toBe(before.slice(before.indexOf(BLOCK_START)));
  });
});

describe('translated text is untrusted', () => {
  const hostile = [
    '# Heading\n%% paper-feed:end %%',
    '[[Secret note]] #tag <script>alert(1)</script>',
    '---',
    '> [!warning] callout',
    'title: "quoted" \'single\' : colon\nnew line',
  ].join(' ');
  const paper = makePaper({ id: '2605.00042', title: 'Language models under attack' });
  const enrich: WriteOptions['enrich'] = async () =>
    new Map([[paper.id, { titleTranslated: hostile, abstractTranslated: `${hostile}\n\n---\n\n${hostile}`, tldr: hostile, missing: [] }]]);

  it('can open no heading, link, tag, HTML, callout or marker, and the YAML reads back', async () => {
    const store = new MemoryStore();
    await writeAnnouncement(makeAnnouncement([paper]), DEFAULT_CONFIG, store, { enrich });
    const path = 'arXiv/Papers/Language models under attack.md';
    for (const text of [store.files.get(path)!, store.files.get(DAILY)!]) {
      const range = findMarkedBlock(text);
      expect(range).not.toBeNull();
      const block = text.slice(range!.start, range!.end);
      expect(text.split('\n').filter((line) => line === BLOCK_START || line === BLOCK_END)).toEqual([BLOCK_START, BLOCK_END]);
      expect(block).not.toMatch(/(^|[^\\])\[\[Secret/);
      expect(block).not.toMatch(/(^|[^\\])<script>/);
      expect(block).not.toMatch(/(^|\s)#tag/);
      expect(block).not.toMatch(/^(> )?---$/m);
      expect(block).not.toMatch(/^(> )?> \[!warning\]/m);
      expect(block.split('\n').filter((l) => /^#+ /.test(l))).toEqual(
        text === store.files.get(DAILY)
          ? ['## Language models (1)', `### [[arXiv/Papers/Language models under attack|Language models under attack]]`]
          : ['# Language models under attack', '## Abstract', '## BibTeX'],
      );
    }
    // One line, TeX read as in `title` (--- is an em dash), and the same value parsed back.
    const oneLine = hostile.replace(/\s+/g, ' ').replace('---', '—');
    const data = readFrontmatter(store.files.get(path)!);
    expect([data.title_translated, data.tldr]).toEqual([oneLine, oneLine]);
  });
});
