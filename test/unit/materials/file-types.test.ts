import { describe, expect, it } from 'vitest';
import {
  checkDeclaration,
  checkUpload,
  DEFAULT_MAX_BYTES,
  detectType,
  fileTypeOf,
  formatSize,
  HEAD_BYTES,
  maxBytesFrom,
} from '../../../shared/domain/materials/file-types.ts';
import { docx, gif, jpeg, ofd, pdf, png, zip } from './files.ts';

const head = (file: Buffer) => new Uint8Array(file.subarray(0, HEAD_BYTES));

describe('detecting the type of a file from its first bytes', () => {
  it.each([
    ['a PDF', pdf(), 'pdf'],
    ['a PNG', png(), 'png'],
    ['a JPEG', jpeg(), 'jpeg'],
    ['an OFD package', ofd(), 'ofd'],
  ])('given %s, then it names its type', (_, file, type) => {
    expect(detectType(head(file))).toBe(type);
  });

  it('given a PDF whose header follows a few stray bytes (as some scanners write), then it is a PDF', () => {
    expect(detectType(Buffer.concat([Buffer.from('\r\n\r\n'), pdf()]))).toBe('pdf');
  });

  it('given a PDF header after the first KiB, then it is not taken for a PDF', () => {
    expect(detectType(Buffer.concat([Buffer.alloc(HEAD_BYTES), pdf()]))).toBeUndefined();
  });

  it('given zips that are not OFD (a Word document, OFD.xml not first or not at the root), then none is', () => {
    expect(detectType(docx())).toBeUndefined();
    expect(
      detectType(
        zip([
          ['Doc_0/Document.xml', '<x/>'],
          ['OFD.xml', '<x/>'],
        ]),
      ),
    ).toBeUndefined();
    expect(detectType(zip([['sub/OFD.xml', '<x/>']]))).toBeUndefined();
  });

  it('given a GIF, text, nothing or a truncated header, then no type is named', () => {
    expect(detectType(gif())).toBeUndefined();
    expect(detectType(Buffer.from('hello, world'))).toBeUndefined();
    expect(detectType(new Uint8Array())).toBeUndefined();
    expect(detectType(png().subarray(0, 7))).toBeUndefined();
    expect(detectType(ofd().subarray(0, 33))).toBeUndefined();
  });
});

describe('the declared type', () => {
  it('is read as a type or a media type, parameters and case ignored', () => {
    expect(fileTypeOf('application/pdf')).toBe('pdf');
    expect(fileTypeOf('Image/JPEG; charset=binary')).toBe('jpeg');
    expect(fileTypeOf('ofd')).toBe('ofd');
    expect(fileTypeOf('application/ofd')).toBe('ofd');
    expect(fileTypeOf('image/gif')).toBeUndefined();
  });
});

describe('checking an upload', () => {
  const max = DEFAULT_MAX_BYTES;

  it('given a file of the declared type within the limit, then there is no problem', () => {
    for (const [type, file] of [
      ['application/pdf', pdf()],
      ['image/png', png()],
      ['image/jpeg', jpeg()],
      ['application/ofd', ofd()],
    ] as const) {
      expect(checkUpload({ declaredType: type, size: file.length, head: head(file), maxBytes: max })).toEqual(
        [],
      );
    }
  });

  it('given a PNG declared as a PDF, then TYPE_MISMATCH names both, in both languages', () => {
    const [problem, ...rest] = checkUpload({
      declaredType: 'application/pdf',
      size: png().length,
      head: head(png()),
      maxBytes: max,
    });
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      code: 'TYPE_MISMATCH',
      zh: '文件内容与声明的类型 PDF 不符（实际为 PNG 文件）',
      en: 'The file is not the PDF it was declared as (it is a PNG file)',
    });
  });

  it('given content of no accepted type, then TYPE_MISMATCH says it is none of them', () => {
    const [problem] = checkUpload({ declaredType: 'image/png', size: 9, head: gif(), maxBytes: max });
    expect(problem?.code).toBe('TYPE_MISMATCH');
    expect(problem?.en).toContain('none of PDF, JPEG, PNG or OFD');
  });

  it('given a type that is not accepted, then TYPE_NOT_ALLOWED, and its content is not judged', () => {
    expect(
      checkUpload({ declaredType: 'image/gif', size: 13, head: gif(), maxBytes: max }).map((p) => p.code),
    ).toEqual(['TYPE_NOT_ALLOWED']);
  });

  it('given a file over the limit, then TOO_LARGE with both sizes', () => {
    const problems = checkUpload({
      declaredType: 'application/pdf',
      size: 25 * 1024 * 1024,
      head: head(pdf()),
      maxBytes: max,
    });
    expect(problems).toEqual([
      {
        code: 'TOO_LARGE',
        zh: '文件大小为 25 MB，超过上限 20 MB',
        en: 'The file is 25 MB, over the limit of 20 MB',
      },
    ]);
  });

  it('given exactly the limit, then it passes; one byte more does not', () => {
    const at = (size: number) => checkDeclaration({ declaredType: 'pdf', size, maxBytes: 1000 });
    expect(at(1000)).toEqual([]);
    expect(at(1001).map((p) => p.code)).toEqual(['TOO_LARGE']);
  });

  it('given an empty file, then EMPTY alone: there is no content to compare', () => {
    expect(
      checkUpload({ declaredType: 'application/pdf', size: 0, head: new Uint8Array(), maxBytes: max }),
    ).toEqual([{ code: 'EMPTY', zh: '文件为空', en: 'The file is empty' }]);
  });

  it('given a wrong type and a size over the limit, then both are reported at once', () => {
    const problems = checkUpload({
      declaredType: 'image/png',
      size: max + 1,
      head: head(pdf()),
      maxBytes: max,
    });
    expect(problems.map((p) => p.code)).toEqual(['TOO_LARGE', 'TYPE_MISMATCH']);
  });
});

describe('the size limit', () => {
  it('is 20 MB unless a deployment sets a whole number of bytes', () => {
    expect(maxBytesFrom(undefined)).toBe(20 * 1024 * 1024);
    expect(maxBytesFrom('')).toBe(DEFAULT_MAX_BYTES);
    expect(maxBytesFrom('10485760')).toBe(10 * 1024 * 1024);
  });

  it.each(['0', '-1', '1.5', '20MB', String(6 * 1024 ** 3)])('refuses the setting %s', (setting) => {
    expect(() => maxBytesFrom(setting)).toThrow(/whole number of bytes/);
  });

  it('is written as people read it', () => {
    expect(formatSize(300 * 1024)).toBe('300 KB');
    expect(formatSize(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatSize(20.5 * 1024 * 1024)).toBe('20.5 MB');
  });
});
