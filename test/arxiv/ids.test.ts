import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatArxivId, isNormalNewStyleId, parseArxivId, tryParseArxivId } from '../../core/arxiv/ids';
import { PaperFeedError } from '../../core/errors';

describe('parseArxivId', () => {
  it.each([
    ['2605.28828', { id: '2605.28828' }],
    ['2605.28828v3', { id: '2605.28828', version: 3 }],
    ['0704.0001', { id: '0704.0001' }],
    ['1412.7878v12', { id: '1412.7878', version: 12 }],
    ['1501.00001', { id: '1501.00001' }],
    ['hep-th/9901001', { id: 'hep-th/9901001' }],
    ['hep-th/9901001v2', { id: 'hep-th/9901001', version: 2 }],
    ['cond-mat/0603029v1', { id: 'cond-mat/0603029', version: 1 }],
    ['math.CA/0611800v2', { id: 'math/0611800', version: 2 }],
    ['arXiv:2605.28828v1', { id: '2605.28828', version: 1 }],
    ['ARXIV:hep-ex/0406020', { id: 'hep-ex/0406020' }],
    ['arxiv:1707.08567', { id: '1707.08567' }],
    ['oai:arXiv.org:2411.17700v1', { id: '2411.17700', version: 1 }],
    ['oai:arXiv.org:astro-ph/0601001', { id: 'astro-ph/0601001' }],
    ['https://arxiv.org/abs/2605.28828', { id: '2605.28828' }],
    ['http://arxiv.org/abs/2206.06921v3', { id: '2206.06921', version: 3 }],
    ['https://www.arxiv.org/abs/hep-th/9901001v1', { id: 'hep-th/9901001', version: 1 }],
    ['https://export.arxiv.org/abs/2605.28828v2', { id: '2605.28828', version: 2 }],
    ['https://arxiv.org/pdf/2605.28828v2', { id: '2605.28828', version: 2 }],
    ['https://arxiv.org/pdf/2605.28828v2.pdf', { id: '2605.28828', version: 2 }],
    ['http://arxiv.org/pdf/hep-th/9901001.pdf', { id: 'hep-th/9901001' }],
    ['https://arxiv.org/abs/2605.28828?context=cs', { id: '2605.28828' }],
    ['  2605.28828v1 \n', { id: '2605.28828', version: 1 }],
  ])('reads %j', (input, expected) => {
    expect(parseArxivId(input)).toEqual(expected);
  });

  it.each([
    '',
    'abc',
    '2605.2882', // four digits after 1501
    '1412.00001', // five digits before 1501
    '2613.00001', // month 13
    '2600.12345', // month 00
    '0000.0000',
    '2605.28828v0',
    '2605.28828v',
    'hep-th/990100', // six digits
    'HEP-TH/9901001',
    'hep-th/9913001', // month 13
    'doi:10.1234/abc',
    'ftp://arxiv.org/abs/2605.28828',
    'https://example.org/abs/2605.28828',
    'https://arxiv.org/list/cs.LG/new',
    '2605.28828 2605.28829',
    'arXiv:',
  ])('rejects %j', (input) => {
    expect(tryParseArxivId(input)).toBeNull();
    expect(() => parseArxivId(input)).toThrow(PaperFeedError);
  });

  it('explains a rejection in one sentence with the kind bad-id', () => {
    try {
      parseArxivId('  not-an-id ');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PaperFeedError);
      expect((error as PaperFeedError).kind).toBe('bad-id');
      expect((error as PaperFeedError).message).toBe(
        '"not-an-id" is not an arXiv identifier; use a form like 2401.01234, hep-th/9901001 or an arxiv.org/abs/ link.',
      );
    }
  });

  it('shortens a very long input in the message', () => {
    expect(() => parseArxivId('x'.repeat(200))).toThrow(`"${'x'.repeat(57)}..." is not an arXiv identifier`);
  });
});

describe('formatArxivId', () => {
  it('appends the version when there is one', () => {
    expect(formatArxivId('2605.28828', 3)).toBe('2605.28828v3');
    expect(formatArxivId('hep-th/9901001', 1)).toBe('hep-th/9901001v1');
    expect(formatArxivId('2605.28828')).toBe('2605.28828');
  });

  it('round-trips through the parser', () => {
    const parsed = parseArxivId('arXiv:cond-mat/0207270v4');
    expect(formatArxivId(parsed.id, parsed.version)).toBe('cond-mat/0207270v4');
  });
});

describe('isNormalNewStyleId', () => {
  it('says yes exactly for the new-style ids tryParseArxivId gives back unchanged', () => {
    const answers = [
      '2605.28828',
      '0704.0001',
      '1412.7878',
      '1501.00001',
      '0704.00001',
      '1501.0001',
      '2613.00001',
      '2600.00001',
      '2605.00000',
      '2605.28828v1',
      ' 2605.28828',
      '26O5.28828',
      '2605-28828',
    ];
    expect(answers.filter(isNormalNewStyleId)).toEqual(['2605.28828', '0704.0001', '1412.7878', '1501.00001']);
    const sameAsParsed = (text: string) => isNormalNewStyleId(text) === (tryParseArxivId(text)?.id === text && tryParseArxivId(text)?.version === undefined);
    fc.assert(fc.property(fc.stringMatching(/^\d{4}\.\d{3,6}$/), sameAsParsed), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ maxLength: 12 }), sameAsParsed), { numRuns: 2000 });
  });
});
