import { describe, expect, it } from 'vitest';
import {
  compileEventPattern,
  InvalidEventPatternError,
  matchesEventPattern,
  validateEventPattern,
} from '../../../infra/local/eventbridge/pattern.ts';

// A case-submission event as the cases service publishes it on the platform bus.
function caseSubmitted(detail: Record<string, unknown> = {}) {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'Case Submitted',
    source: 'tongban.cases',
    account: '123456789012',
    time: '2025-03-01T08:00:00Z',
    region: 'cn-northwest-1',
    resources: ['arn:aws-cn:dynamodb:cn-northwest-1:123456789012:table/cases'],
    detail: {
      caseId: 'C-2025-000123',
      handlingRegion: '610100',
      receivingRegion: '610113',
      matter: { baseCode: '000109001000', name: '企业设立登记' },
      amount: 1200.5,
      ip: '10.20.30.40',
      channel: 'Online-Portal',
      attachments: ['id-card.PNG', 'licence.pdf'],
      remark: '',
      withdrawnAt: null,
      urgent: false,
      ...detail,
    },
  };
}

function expectInvalid(pattern: unknown, message: string) {
  expect(() => validateEventPattern(pattern)).toThrow(InvalidEventPatternError);
  expect(() => validateEventPattern(pattern)).toThrow(message);
}

describe('exact matching', () => {
  it('matches when every field equals one of its listed values', () => {
    // given
    const pattern = { source: ['tongban.cases'], 'detail-type': ['Case Submitted', 'Case Amended'] };
    // when
    const matched = matchesEventPattern(pattern, caseSubmitted());
    // then
    expect(matched).toBe(true);
  });

  it('does not match when one field of the AND differs', () => {
    const pattern = { source: ['tongban.cases'], detail: { handlingRegion: ['610200'] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(false);
  });

  it('matches fields nested in objects', () => {
    const pattern = { detail: { matter: { baseCode: ['000109001000'] } } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(true);
  });

  it('keeps JSON types apart so the string "610100" does not match the number 610100', () => {
    const pattern = { detail: { handlingRegion: [610100] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(false);
  });

  it('compares numbers by value so 1200.50 matches 1200.5', () => {
    const pattern = JSON.parse('{"detail":{"amount":[1200.50]}}');
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(true);
  });

  it('matches null, booleans and the empty string as values', () => {
    const pattern = { detail: { withdrawnAt: [null], urgent: [false], remark: [''] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(true);
  });

  it('does not match null against an empty string', () => {
    const pattern = { detail: { withdrawnAt: [''] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(false);
  });

  it('matches an event array when any of its elements matches', () => {
    const pattern = { detail: { attachments: ['licence.pdf', 'photo.jpg'] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(true);
  });

  it('does not match a field missing from the event', () => {
    const pattern = { detail: { applicantId: ['P-1'] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(false);
  });

  it('requires nested fields under an array of objects to match within the same element', () => {
    const event = caseSubmitted({
      materials: [
        { code: 'M01', status: 'RECEIVED' },
        { code: 'M02', status: 'MISSING' },
      ],
    });
    expect(
      matchesEventPattern({ detail: { materials: { code: ['M02'], status: ['MISSING'] } } }, event),
    ).toBe(true);
    expect(
      matchesEventPattern({ detail: { materials: { code: ['M01'], status: ['MISSING'] } } }, event),
    ).toBe(false);
  });

  it('treats an IP literal as an address so differently written IPv6 forms match', () => {
    const pattern = { detail: { ip: ['2001:db8::1'] } };
    expect(matchesEventPattern(pattern, caseSubmitted({ ip: '2001:0db8:0:0:0:0:0:1' }))).toBe(true);
    expect(matchesEventPattern(pattern, caseSubmitted({ ip: '2001:db8::2' }))).toBe(false);
  });

  it('accepts the pattern as a JSON string, as the EventBridge API does', () => {
    expect(matchesEventPattern('{"source":["tongban.cases"]}', caseSubmitted())).toBe(true);
  });
});

describe('prefix matching', () => {
  it('matches a string starting with the prefix', () => {
    expect(matchesEventPattern({ detail: { handlingRegion: [{ prefix: '6101' }] } }, caseSubmitted())).toBe(
      true,
    );
  });

  it('does not match a string with another prefix', () => {
    expect(matchesEventPattern({ detail: { handlingRegion: [{ prefix: '6102' }] } }, caseSubmitted())).toBe(
      false,
    );
  });

  it('does not match numbers even when their digits start with the prefix', () => {
    const pattern = { detail: { amount: [{ prefix: '12' }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(false);
  });

  it('ignores case when the prefix is given with equals-ignore-case', () => {
    const pattern = { detail: { channel: [{ prefix: { 'equals-ignore-case': 'online-' } }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(true);
    expect(matchesEventPattern(pattern, caseSubmitted({ channel: 'Counter' }))).toBe(false);
  });
});

describe('suffix matching', () => {
  it('matches a string ending with the suffix', () => {
    expect(matchesEventPattern({ detail: { attachments: [{ suffix: '.pdf' }] } }, caseSubmitted())).toBe(
      true,
    );
  });

  it('does not match a string ending otherwise', () => {
    expect(matchesEventPattern({ detail: { caseId: [{ suffix: '999' }] } }, caseSubmitted())).toBe(false);
  });

  it('ignores case when the suffix is given with equals-ignore-case', () => {
    const pattern = { detail: { attachments: [{ suffix: { 'equals-ignore-case': '.png' } }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(true);
    expect(matchesEventPattern(pattern, caseSubmitted({ attachments: ['scan.jpg'] }))).toBe(false);
  });
});

describe('equals-ignore-case matching', () => {
  it('matches the same string in another case', () => {
    const pattern = { detail: { channel: [{ 'equals-ignore-case': 'ONLINE-PORTAL' }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(true);
  });

  it('does not match a different string', () => {
    const pattern = { detail: { channel: [{ 'equals-ignore-case': 'counter' }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(false);
  });
});

describe('wildcard matching', () => {
  it('matches any run of characters at each star', () => {
    const pattern = { detail: { caseId: [{ wildcard: 'C-*-0001*' }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(true);
  });

  it('does not match when a literal part is missing', () => {
    const pattern = { detail: { caseId: [{ wildcard: 'C-2024-*' }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(false);
  });

  it('treats an escaped star as a literal star', () => {
    const pattern = { detail: { caseId: [{ wildcard: 'C-\\*' }] } };
    expect(matchesEventPattern(pattern, caseSubmitted({ caseId: 'C-*' }))).toBe(true);
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(false);
  });

  it('rejects consecutive stars', () => {
    expectInvalid(
      { detail: { caseId: [{ wildcard: 'C-**' }] } },
      'detail.caseId: wildcard has consecutive "*"',
    );
  });

  it('rejects escapes other than star and backslash', () => {
    expectInvalid(
      { detail: { caseId: [{ wildcard: 'C-\\d' }] } },
      'detail.caseId: wildcard has an invalid escape',
    );
  });
});

describe('anything-but matching', () => {
  it('matches any value except the given string', () => {
    const pattern = { detail: { handlingRegion: [{ 'anything-but': '610200' }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(true);
    expect(matchesEventPattern(pattern, caseSubmitted({ handlingRegion: '610200' }))).toBe(false);
  });

  it('excludes every value of a list of strings', () => {
    const pattern = { detail: { handlingRegion: [{ 'anything-but': ['610100', '610200'] }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(false);
    expect(matchesEventPattern(pattern, caseSubmitted({ handlingRegion: '610300' }))).toBe(true);
  });

  it('excludes numbers by value', () => {
    const pattern = { detail: { amount: [{ 'anything-but': [0, 1200.5] }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(false);
    expect(matchesEventPattern(pattern, caseSubmitted({ amount: 99 }))).toBe(true);
  });

  it('does not match a field missing from the event', () => {
    const pattern = { detail: { applicantId: [{ 'anything-but': 'P-1' }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(false);
  });

  it('excludes a prefix', () => {
    const pattern = { detail: { receivingRegion: [{ 'anything-but': { prefix: '6101' } }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(false);
    expect(matchesEventPattern(pattern, caseSubmitted({ receivingRegion: '610200' }))).toBe(true);
  });

  it('excludes a suffix', () => {
    const pattern = { detail: { caseId: [{ 'anything-but': { suffix: '123' } }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(false);
    expect(matchesEventPattern(pattern, caseSubmitted({ caseId: 'C-2025-000124' }))).toBe(true);
  });

  it('excludes values equal ignoring case, given one or several', () => {
    const single = { detail: { channel: [{ 'anything-but': { 'equals-ignore-case': 'online-portal' } }] } };
    const several = {
      detail: { channel: [{ 'anything-but': { 'equals-ignore-case': ['counter', 'APP'] } }] },
    };
    expect(matchesEventPattern(single, caseSubmitted())).toBe(false);
    expect(matchesEventPattern(several, caseSubmitted())).toBe(true);
    expect(matchesEventPattern(several, caseSubmitted({ channel: 'app' }))).toBe(false);
  });

  it('excludes values matching a wildcard or any of a list of wildcards', () => {
    const single = { detail: { caseId: [{ 'anything-but': { wildcard: 'C-2025-*' } }] } };
    const several = { detail: { caseId: [{ 'anything-but': { wildcard: ['X-*', 'C-2024-*'] } }] } };
    expect(matchesEventPattern(single, caseSubmitted())).toBe(false);
    expect(matchesEventPattern(several, caseSubmitted())).toBe(true);
  });

  it('matches values of another JSON type than the excluded ones', () => {
    const pattern = { detail: { handlingRegion: [{ 'anything-but': ['610100'] }] } };
    expect(matchesEventPattern(pattern, caseSubmitted({ handlingRegion: 610100 }))).toBe(true);
  });

  it('rejects a list mixing strings and numbers', () => {
    expectInvalid(
      { detail: { amount: [{ 'anything-but': ['0', 0] }] } },
      'detail.amount: an anything-but list must hold only strings or only numbers',
    );
  });

  it('rejects an empty anything-but prefix', () => {
    expectInvalid(
      { source: [{ 'anything-but': { prefix: '' } }] },
      'source: anything-but prefix must not be empty',
    );
  });
});

describe('numeric matching', () => {
  it('matches a numeric range with both bounds', () => {
    const pattern = { detail: { amount: [{ numeric: ['>', 1000, '<=', 5000] }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(true);
    expect(matchesEventPattern(pattern, caseSubmitted({ amount: 1000 }))).toBe(false);
  });

  it('matches a single bound', () => {
    expect(matchesEventPattern({ detail: { amount: [{ numeric: ['<', 100] }] } }, caseSubmitted())).toBe(
      false,
    );
    expect(matchesEventPattern({ detail: { amount: [{ numeric: ['>=', 1200.5] }] } }, caseSubmitted())).toBe(
      true,
    );
  });

  it('matches equality by value', () => {
    const pattern = { detail: { amount: [{ numeric: ['=', 1.2005e3] }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(true);
  });

  it('does not match numbers written as strings', () => {
    const pattern = { detail: { handlingRegion: [{ numeric: ['>', 0] }] } };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(false);
  });

  it('does not match event numbers outside the supported range', () => {
    const pattern = { detail: { amount: [{ numeric: ['>', 0] }] } };
    expect(matchesEventPattern(pattern, caseSubmitted({ amount: 6e9 }))).toBe(false);
  });

  it('rejects an odd number of operator/value elements', () => {
    expectInvalid(
      { detail: { amount: [{ numeric: ['>', 0, '<'] }] } },
      'detail.amount: numeric range needs an even number of operator/value pairs',
    );
  });

  it('rejects an unknown operator', () => {
    expectInvalid(
      { detail: { amount: [{ numeric: ['!=', 0] }] } },
      'detail.amount: unrecognized numeric operator "!="',
    );
  });

  it('rejects an upper bound written before the lower bound', () => {
    expectInvalid(
      { detail: { amount: [{ numeric: ['<', 10, '>', 0] }] } },
      'detail.amount: a numeric range is a lower bound',
    );
  });

  it('rejects a range whose lower bound is not below its upper bound', () => {
    expectInvalid(
      { detail: { amount: [{ numeric: ['>=', 10, '<=', 10] }] } },
      'detail.amount: the lower bound of a numeric range must be below its upper bound',
    );
  });

  it('rejects values that are not numbers or exceed 5e9', () => {
    expectInvalid(
      { detail: { amount: [{ numeric: ['>', '0'] }] } },
      'detail.amount: numeric values must be numbers',
    );
    expectInvalid(
      { detail: { amount: [{ numeric: ['<', 5.1e9] }] } },
      'detail.amount: numeric values must be between -5.0e9 and 5.0e9 inclusive',
    );
  });
});

describe('exists matching', () => {
  it('matches a present leaf with exists true', () => {
    expect(matchesEventPattern({ detail: { handlingRegion: [{ exists: true }] } }, caseSubmitted())).toBe(
      true,
    );
  });

  it('does not match a missing field with exists true', () => {
    expect(matchesEventPattern({ detail: { applicantId: [{ exists: true }] } }, caseSubmitted())).toBe(false);
  });

  it('does not match a field holding an object with exists true, since only leaves exist', () => {
    expect(matchesEventPattern({ detail: { matter: [{ exists: true }] } }, caseSubmitted())).toBe(false);
  });

  it('matches a missing field with exists false', () => {
    expect(matchesEventPattern({ detail: { applicantId: [{ exists: false }] } }, caseSubmitted())).toBe(true);
  });

  it('matches a field holding an object with exists false, as AWS documents', () => {
    expect(matchesEventPattern({ detail: { matter: [{ exists: false }] } }, caseSubmitted())).toBe(true);
  });

  it('treats a null value as present', () => {
    expect(matchesEventPattern({ detail: { withdrawnAt: [{ exists: false }] } }, caseSubmitted())).toBe(
      false,
    );
  });

  it('matches exists false below an intermediate object missing from the event', () => {
    expect(
      matchesEventPattern({ detail: { payment: { receiptNo: [{ exists: false }] } } }, caseSubmitted()),
    ).toBe(true);
  });

  it('rejects a non-boolean operand', () => {
    expectInvalid({ detail: { ip: [{ exists: 'yes' }] } }, 'detail.ip: exists must be true or false');
  });
});

describe('cidr matching', () => {
  it('matches an IPv4 address inside the block', () => {
    expect(matchesEventPattern({ detail: { ip: [{ cidr: '10.20.0.0/16' }] } }, caseSubmitted())).toBe(true);
  });

  it('does not match an IPv4 address outside the block', () => {
    expect(matchesEventPattern({ detail: { ip: [{ cidr: '10.21.0.0/16' }] } }, caseSubmitted())).toBe(false);
  });

  it('matches an IPv6 address inside the block', () => {
    const pattern = { detail: { ip: [{ cidr: '2001:db8::/32' }] } };
    expect(matchesEventPattern(pattern, caseSubmitted({ ip: '2001:db8:1234::7' }))).toBe(true);
    expect(matchesEventPattern(pattern, caseSubmitted({ ip: '2001:db9::7' }))).toBe(false);
  });

  it('does not match an address of the other family', () => {
    expect(matchesEventPattern({ detail: { ip: [{ cidr: '::/1' }] } }, caseSubmitted())).toBe(false);
  });

  it('rejects malformed blocks', () => {
    expectInvalid({ detail: { ip: [{ cidr: '10.0.0.0' }] } }, 'detail.ip: cidr "10.0.0.0" is not');
    expectInvalid({ detail: { ip: [{ cidr: '10.0.0.300/8' }] } }, 'detail.ip: cidr "10.0.0.300/8" is not');
    expectInvalid(
      { detail: { ip: [{ cidr: '10.0.0.0/32' }] } },
      'detail.ip: cidr prefix length must be below 32',
    );
  });
});

describe('$or matching', () => {
  it('matches when any alternative matches', () => {
    const pattern = {
      source: ['tongban.cases'],
      $or: [{ detail: { handlingRegion: ['610200'] } }, { detail: { receivingRegion: ['610113'] } }],
    };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(true);
  });

  it('does not match when no alternative matches', () => {
    const pattern = {
      $or: [{ detail: { handlingRegion: ['610200'] } }, { detail: { amount: [{ numeric: ['>', 5000] }] } }],
    };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(false);
  });

  it('applies an $or nested inside an object to that object', () => {
    const pattern = {
      detail: {
        matter: { baseCode: ['000109001000'] },
        $or: [{ urgent: [true] }, { amount: [{ numeric: ['>', 1000] }] }],
      },
    };
    expect(matchesEventPattern(pattern, caseSubmitted())).toBe(true);
    expect(matchesEventPattern(pattern, caseSubmitted({ amount: 10 }))).toBe(false);
  });

  it('rejects an $or with fewer than two sub-patterns', () => {
    expectInvalid({ $or: [] }, '$or: $or needs at least 2 sub-patterns');
    expectInvalid({ detail: { $or: [{ ip: ['x'] }] } }, 'detail.$or: $or needs at least 2 sub-patterns');
  });

  it('rejects an $or that is not an array of objects', () => {
    expectInvalid({ $or: { source: ['a'] } }, '$or: $or must be an array of sub-patterns');
    expectInvalid({ $or: [{ source: ['a'] }, ['b']] }, '$or[1]: each $or sub-pattern must be an object');
  });

  it('rejects operator names used as fields inside $or', () => {
    expectInvalid(
      { $or: [{ prefix: ['a'] }, { source: ['b'] }] },
      '$or[0].prefix: "prefix" is an operator name',
    );
  });
});

describe('pattern validation', () => {
  it('rejects a pattern that is not a JSON object', () => {
    expectInvalid(['tongban.cases'], '(root): an event pattern must be a JSON object');
    expectInvalid(null, '(root): an event pattern must be a JSON object');
    expectInvalid('{source: tongban}', '(root): the event pattern is not valid JSON');
  });

  it('rejects empty objects and empty arrays', () => {
    expectInvalid({}, '(root): empty objects are not allowed');
    expectInvalid({ detail: {} }, 'detail: empty objects are not allowed');
    expectInvalid({ source: [] }, 'source: empty arrays are not allowed');
  });

  it('rejects a leaf that is not an array', () => {
    expectInvalid(
      { detail: { handlingRegion: '610100' } },
      'detail.handlingRegion: must be an object or an array',
    );
  });

  it('rejects nested arrays as match values', () => {
    expectInvalid({ detail: { attachments: [['a']] } }, 'detail.attachments: match values must be');
  });

  it('rejects unknown operators and expressions with several operators', () => {
    expectInvalid({ source: [{ contains: 'cases' }] }, 'source: unrecognized match type "contains"');
    expectInvalid(
      { source: [{ prefix: 'a', suffix: 'b' }] },
      'source: a match expression must have exactly one',
    );
  });

  it('rejects operands of the wrong type', () => {
    expectInvalid(
      { source: [{ prefix: 1 }] },
      'source: prefix must be a string or {"equals-ignore-case": string}',
    );
    expectInvalid(
      { source: [{ prefix: { 'equals-ignore-case': 1 } }] },
      'source: equals-ignore-case must be a string',
    );
    expectInvalid({ source: [{ wildcard: ['a*'] }] }, 'source: wildcard must be a string');
    expectInvalid({ source: [{ 'anything-but': null }] }, 'source: anything-but needs a string, a number');
    expectInvalid({ source: [{ 'anything-but': { exists: true } }] }, 'source: anything-but accepts only');
  });

  it('exposes the path and the reason separately', () => {
    try {
      validateEventPattern({ detail: { amount: [{ numeric: ['>', 0, '<'] }] } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEventPatternError);
      expect((error as InvalidEventPatternError).path).toBe('detail.amount');
    }
  });

  it('matches with a compiled pattern the same way as with the one-shot function', () => {
    const compiled = compileEventPattern({ detail: { handlingRegion: [{ prefix: '61' }] } });
    expect(compiled.matches(caseSubmitted())).toBe(true);
    expect(compiled.matches('not an event')).toBe(false);
  });
});
