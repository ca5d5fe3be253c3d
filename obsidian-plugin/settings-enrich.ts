// The "Translation and summaries" section of the settings tab. Off by default; each
// change is checked by the core's validateEnrichSettings and saved only when valid. The API key
// is picked with Obsidian's SecretComponent, so the settings keep the secret's name, not the key.
import { requireApiVersion, SecretComponent, Setting, type App } from 'obsidian';
import { DEFAULT_ENRICH_SETTINGS, validateEnrichSettings, type EnrichSettings } from '../core/enrich/settings';
import { isPaperFeedError } from '../core/errors';
import { NO_SECRET_STORAGE } from './enrichment-host';
import type { FieldErrors } from './field-errors';
import { copy, type PaperFeedSettings } from './settings';

// Examples shown as typed: model names and language tags keep their own case.
const MODEL_EXAMPLE = 'qwen2.5:7b';
const LANGUAGE_EXAMPLES = 'zh-CN, ja, de, pt-BR';

export interface EnrichSectionHost {
  app: App;
  settings: PaperFeedSettings;
  saveSettings(): Promise<void>;
  errors: FieldErrors;
}

export function renderEnrichSection(el: HTMLElement, host: EnrichSectionHost): void {
  const { settings, errors } = host;
  const draft = copy(settings.enrich);
  let shownKey: string | null = null;

  const edit = async (change: (draft: EnrichSettings) => void): Promise<void> => {
    change(draft);
    let valid: EnrichSettings;
    try {
      valid = validateEnrichSettings(draft);
    } catch (error) {
      if (!isPaperFeedError(error)) throw error;
      const key = error.detail.key ?? 'enrich';
      if (shownKey && shownKey !== key) errors.showFieldProblem(shownKey, null);
      shownKey = key;
      // "Setting enrich.model is empty; …" reads as "This is empty; …" beside the field.
      errors.showFieldProblem(key, error.message.replace(/^Setting enrich\.[\w.]+ /, 'This '));
      return;
    }
    if (shownKey) errors.showFieldProblem(shownKey, null);
    shownKey = null;
    settings.enrich = valid;
    await host.saveSettings();
  };
  const claim = (setting: Setting, ...keys: string[]) => errors.claim(setting, ...keys);

  new Setting(el).setName('Translation and summaries').setHeading();
  claim(
    new Setting(el)
      .setName('Translate and summarise papers')
      .setDesc(
        "Sends each matched paper's title and abstract to the endpoint below (any OpenAI-compatible one, hosted or on this computer) and adds the translation and a one-line summary to the notes. The original text always stays.",
      )
      .addToggle((toggle) => toggle.setValue(draft.enabled).onChange((value) => edit((d) => (d.enabled = value)))),
    'enrich',
    'enrich.enabled',
  );
  claim(
    new Setting(el)
      .setName('Endpoint')
      .setDesc('The base URL of an OpenAI-compatible API, usually ending in /v1. A server on this computer needs no key.')
      .addText((text) =>
        text
          .setPlaceholder(DEFAULT_ENRICH_SETTINGS.baseUrl)
          .setValue(draft.baseUrl)
          .onChange((value) => edit((d) => (d.baseUrl = value))),
      ),
    'enrich.baseUrl',
  );
  claim(
    new Setting(el)
      .setName('Model')
      .setDesc('The name of a model the endpoint serves.')
      .addText((text) =>
        text
          .setPlaceholder(MODEL_EXAMPLE)
          .setValue(draft.model)
          .onChange((value) => edit((d) => (d.model = value))),
      ),
    'enrich.model',
  );
  renderApiKey(el, host);
  claim(
    new Setting(el)
      .setName('Target language')
      .setDesc(`A language tag, for example ${LANGUAGE_EXAMPLES}.`)
      .addText((text) =>
        text
          .setPlaceholder(DEFAULT_ENRICH_SETTINGS.targetLanguage)
          .setValue(draft.targetLanguage)
          .onChange((value) => edit((d) => (d.targetLanguage = value))),
      ),
    'enrich.targetLanguage',
  );
  const produce: Array<[keyof EnrichSettings['produce'], string, string]> = [
    ['title', 'Translate titles', 'Shown under each English title.'],
    ['abstract', 'Translate abstracts', 'Shown under each English abstract.'],
    ['tldr', 'One-line summaries', 'A one-sentence summary of each paper, at the top of its note and on its folded abstract in the digest.'],
  ];
  for (const [kind, name, desc] of produce) {
    claim(
      new Setting(el)
        .setName(name)
        .setDesc(desc)
        .addToggle((toggle) => toggle.setValue(draft.produce[kind]).onChange((value) => edit((d) => (d.produce[kind] = value)))),
      `enrich.produce.${kind}`,
    );
  }
  claim(
    new Setting(el).setName('Summary language').addDropdown((dropdown) =>
      dropdown
        .addOption('target', 'The target language')
        .addOption('en', 'English')
        .setValue(draft.tldrLanguage)
        .onChange((value) => edit((d) => (d.tldrLanguage = value === 'en' ? 'en' : 'target'))),
    ),
    'enrich.tldrLanguage',
  );
  claim(
    new Setting(el)
      .setName('Overview of the day')
      .setDesc(
        'A short paragraph atop the daily note on what the matched papers are about, with links to the papers it names. Written by the model after the notes, and marked as such.',
      )
      .addToggle((toggle) => toggle.setValue(draft.overview ?? false).onChange((value) => edit((d) => (d.overview = value)))),
    'enrich.overview',
  );
  claim(
    new Setting(el)
      .setName('Overview length')
      .setDesc('About how many words the overview runs to (30 to 400).')
      .addText((text) => text.setValue(String(draft.overviewWords ?? 120)).onChange((value) => edit((d) => (d.overviewWords = wholeNumber(value) as number)))),
    'enrich.overviewWords',
  );
  claim(
    new Setting(el).setName('Overview language').addDropdown((dropdown) =>
      dropdown
        .addOption('target', 'The target language')
        .addOption('en', 'English')
        .setValue(draft.overviewLanguage ?? 'target')
        .onChange((value) => edit((d) => (d.overviewLanguage = value === 'en' ? 'en' : 'target'))),
    ),
    'enrich.overviewLanguage',
  );
  claim(
    new Setting(el)
      .setName('Papers per fetch')
      .setDesc('At most this many papers go to the endpoint per fetch; the rest wait for the next one. Papers translated before cost nothing.')
      .addText((text) => text.setValue(String(draft.budget)).onChange((value) => edit((d) => (d.budget = wholeNumber(value) as number)))),
    'enrich.budget',
  );
  claim(
    new Setting(el)
      .setName('Requests at once')
      .setDesc('How many papers are sent at the same time. Local models usually want 1 or 2.')
      .addText((text) => text.setValue(String(draft.concurrency)).onChange((value) => edit((d) => (d.concurrency = wholeNumber(value) as number)))),
    'enrich.concurrency',
  );
  claim(
    new Setting(el)
      .setName('Seconds per answer')
      .setDesc('How long one answer may take before the paper is left for the next fetch. Local models on a CPU can be slow.')
      .addText((text) => text.setValue(String((draft.timeoutMs ?? 120_000) / 1000)).onChange((value) => edit((d) => (d.timeoutMs = seconds(value))))),
    'enrich.timeoutMs',
  );
  claim(
    new Setting(el)
      .setName('Minutes of translating per fetch')
      .setDesc('The notes are written at once; translations fill them in for at most this long, and the rest waits for the next fetch.')
      .addText((text) => text.setValue(String((draft.timeBudgetMs ?? 600_000) / 60_000)).onChange((value) => edit((d) => (d.timeBudgetMs = minutes(value))))),
    'enrich.timeBudgetMs',
  );
}

/** Seconds typed in the settings tab, as milliseconds; anything else is left for the check to name. */
function seconds(text: string): number {
  const value = wholeNumber(text);
  return (typeof value === 'number' ? Math.round(value * 1000) : value) as number;
}

/** Minutes typed in the settings tab, as milliseconds. */
function minutes(text: string): number {
  const value = wholeNumber(text);
  return (typeof value === 'number' ? Math.round(value * 60_000) : value) as number;
}

/** The key: picked from Obsidian's secret storage where there is one, else why there is none. */
function renderApiKey(el: HTMLElement, host: EnrichSectionHost): void {
  const setting = new Setting(el).setName('API key');
  if (requireApiVersion('1.11.4')) {
    setting
      .setDesc("Kept in Obsidian's secret storage on this device and sent only to the endpoint. Leave it empty for a server on this computer.")
      .addComponent((controlEl) =>
        new SecretComponent(host.app, controlEl).setValue(host.settings.apiKeySecret).onChange(async (name) => {
          host.settings.apiKeySecret = name.trim();
          await host.saveSettings();
        }),
      );
  } else {
    setting.setDesc(NO_SECRET_STORAGE);
  }
}

/**
 * The number typed, or the text itself when it is not one, so that the core's check names what
 * was typed ("it is "ten"") rather than a number it never saw.
 */
function wholeNumber(text: string): number | string {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) ? value : text.trim();
}
