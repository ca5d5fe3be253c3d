// Enrichment settings: defaults, the one check every host runs, and the progress line.
import { describe, expect, it } from 'vitest';
import { PaperFeedError } from '../../core/errors';
import { DEFAULT_ENRICH_SETTINGS, kindsToProduce, languageOf, readApiKeyEnvName, validateEnrichSettings } from '../../core/enrich/settings';
import { enrichProgressText } from '../../core/enrich/progress';

function failureOf(input: unknown): PaperFeedError {
  try {
    validateEnrichSettings(input);
  } catch (e) {
    if (e instanceof PaperFeedError) return e;
    throw e;
  }
  throw new Error('expected the settings to be rejected');
}

const on = { enabled: true, model: 'qwen2.5:7b' };

describe('enrichment settings', () => {
  it('is off by default, and the defaults pass validation unchanged', () => {
    expect(DEFAULT_ENRICH_SETTINGS.enabled).toBe(false);
    expect(validateEnrichSettings(undefined)).toEqual(DEFAULT_ENRICH_SETTINGS);
    expect(validateEnrichSettings({})).toEqual(DEFAULT_ENRICH_SETTINGS);
  });

  it('fills missing keys, trims the base URL and stores the language tag in canonical case', () => {
    const settings = validateEnrichSettings({ ...on, baseUrl: 'https://api.deepseek.com/v1/', targetLanguage: 'zh-hant-tw', concurrency: 4 });
    expect(settings).toEqual({
      ...DEFAULT_ENRICH_SETTINGS,
      enabled: true,
      model: 'qwen2.5:7b',
      baseUrl: 'https://api.deepseek.com/v1',
      targetLanguage: 'zh-Hant-TW',
      concurrency: 4,
    });
  });

  it.each([
    [
      { ...on, baseUrl: 'localhost:11434' },
      'enrich.baseUrl',
      'Setting enrich.baseUrl must start with http:// or https://; use e.g. http://localhost:11434/v1.',
    ],
    [{ ...on, baseUrl: 'not a url' }, 'enrich.baseUrl', 'Setting enrich.baseUrl is not a URL; use e.g. http://localhost:11434/v1.'],
    [
      { ...on, baseUrl: 'https://me:secret@api.example.com/v1' },
      'enrich.baseUrl',
      'Setting enrich.baseUrl must not hold a user name or password; put the key in the API key setting.',
    ],
    [
      { ...on, targetLanguage: 'chinese simplified' },
      'enrich.targetLanguage',
      'Setting enrich.targetLanguage is not a BCP 47 language tag: "chinese simplified"; use e.g. "zh-CN", "ja" or "de".',
    ],
    [
      { ...on, targetLanguage: 'zh_CN' },
      'enrich.targetLanguage',
      'Setting enrich.targetLanguage is not a BCP 47 language tag: "zh_CN"; use e.g. "zh-CN", "ja" or "de".',
    ],
    [{ ...on, concurrency: 0 }, 'enrich.concurrency', 'Setting enrich.concurrency must be a whole number from 1 to 16; it is 0.'],
    [{ ...on, budget: 2.5 }, 'enrich.budget', 'Setting enrich.budget must be a whole number from 0 to 100000; it is 2.5.'],
    [{ ...on, model: '  ' }, 'enrich.model', 'Setting enrich.model is empty; name the model the endpoint serves, such as "qwen2.5:7b".'],
    [{ ...on, produce: { tldr: 'yes' } }, 'enrich.produce.tldr', 'Setting enrich.produce.tldr must be true or false.'],
    [{ ...on, tldrLanguage: 'de' }, 'enrich.tldrLanguage', 'Setting enrich.tldrLanguage must be "target" or "en".'],
    [
      { ...on, apiKey: 'sk-abc' },
      'enrich.apiKey',
      "Setting enrich.apiKey must not be kept with the settings; put the key in an environment variable named by enrich.apiKeyEnv (CLI) or in the app's secret storage.",
    ],
    [
      { ...on, targetLanguage: 'en-GB' },
      'enrich.targetLanguage',
      'Setting enrich.targetLanguage is English, the language papers are already in; choose another language or turn off title and abstract translation.',
    ],
  ])('rejects %j naming the key', (input, key, message) => {
    const error = failureOf(input);
    expect(error.kind).toBe('bad-config');
    expect(error.detail.key).toBe(key);
    expect(error.message).toBe(message);
  });

  it('lets an English TL;DR-only setup through, and an empty model while enrichment is off', () => {
    expect(validateEnrichSettings({ ...on, targetLanguage: 'en', produce: { title: false, abstract: false, tldr: true } }).targetLanguage).toBe('en');
    expect(validateEnrichSettings({ enabled: false, model: '' }).model).toBe('');
  });

  it('names the kinds and their languages in a fixed order', () => {
    const settings = validateEnrichSettings({ ...on, targetLanguage: 'ja', produce: { title: true, abstract: false, tldr: true }, tldrLanguage: 'en' });
    expect(kindsToProduce(settings)).toEqual(['title', 'tldr']);
    expect(languageOf('title', settings)).toBe('ja');
    expect(languageOf('tldr', settings)).toBe('en');
  });

  it('words the progress line for what is being made', () => {
    expect(enrichProgressText(12, 66, { produce: { title: true, abstract: false, tldr: true } })).toBe('Translating 12/66…');
    expect(enrichProgressText(3, 9, { produce: { title: false, abstract: false, tldr: true } })).toBe('Summarising 3/9…');
  });

  it('reads the name of the environment variable that holds the CLI key, never a key', () => {
    expect(readApiKeyEnvName({ ...on, apiKeyEnv: 'DEEPSEEK_API_KEY' })).toBe('DEEPSEEK_API_KEY');
    expect(readApiKeyEnvName(on)).toBeUndefined();
    expect(() => readApiKeyEnvName({ apiKeyEnv: 'sk-proj-abc123' })).toThrow(
      'Setting enrich.apiKeyEnv must be the name of an environment variable, such as "OPENAI_API_KEY", not the key itself.',
    );
    expect(validateEnrichSettings({ ...on, apiKeyEnv: 'OPENAI_API_KEY' }).model).toBe('qwen2.5:7b');
  });
});

describe('overview settings', () => {
  it('default to off, 120 words in the target language, and name a bad value', async () => {
    const { validateEnrichSettings } = await import('../../core/enrich/settings');
    expect(validateEnrichSettings({})).toMatchObject({ overview: false, overviewWords: 120, overviewLanguage: 'target' });
    expect(() => validateEnrichSettings({ overviewWords: 10 })).toThrow('Setting enrich.overviewWords must be a whole number from 30 to 400; it is 10.');
    expect(() => validateEnrichSettings({ overviewLanguage: 'de' })).toThrow('Setting enrich.overviewLanguage must be "target" or "en".');
  });
});
