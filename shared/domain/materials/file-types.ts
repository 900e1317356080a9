/**
 * The file types an applicant may upload as a material, recognised by their first bytes rather than by the
 * name or the Content-Type a browser reports: what the applicant declared is checked against what arrived.
 */

export const FILE_TYPES = ['pdf', 'jpeg', 'png', 'ofd'] as const;
export type FileType = (typeof FILE_TYPES)[number];

/** The media type each file type is declared, stored and served with. */
export const CONTENT_TYPES: Readonly<Record<FileType, string>> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  // GB/T 33190-2016 (版式文档) registers no IANA type; application/ofd is what Chinese e-government uses.
  ofd: 'application/ofd',
};
export const ALLOWED_CONTENT_TYPES = FILE_TYPES.map((t) => CONTENT_TYPES[t]);

/** 20 MB: a scanned multi-page certificate fits; deployments may set another limit. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * How many leading bytes detection needs: a PDF header may come after up to 1 KiB of other bytes (PDF 32000
 * readers tolerate it, and some scanners write it), every other signature sits in the first 40 bytes.
 */
export const HEAD_BYTES = 1024;

/** The file type a declaration names, as a type ('pdf') or a media type ('application/pdf'). */
export function fileTypeOf(declared: string): FileType | undefined {
  const normalised = declared.split(';')[0]!.trim().toLowerCase();
  return FILE_TYPES.find((t) => t === normalised || CONTENT_TYPES[t] === normalised);
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const OFD_ENTRY = 'OFD.xml';

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

/** The allowed type these leading bytes (at least HEAD_BYTES of them, or the whole file) are, if any. */
export function detectType(bytes: Uint8Array): FileType | undefined {
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) return firstZipEntry(bytes) === OFD_ENTRY ? 'ofd' : undefined;
  const limit = Math.min(bytes.length, HEAD_BYTES) - PDF.length;
  for (let at = 0; at <= limit; at++) if (startsWith(bytes, PDF, at)) return 'pdf';
  return undefined;
}

/**
 * An OFD file is a zip package whose root holds OFD.xml, the entry point (GB/T 33190-2016). Only the
 * head of the file is read, so only the first local file header is visible: its name field (length at offset
 * 26, name from offset 30) must be OFD.xml. The central directory at the end of the file would list every
 * entry, but reading it means a second ranged read; an OFD writer that put another entry first would be
 * refused as unrecognised — a refusal the applicant sees and can fix, never a wrong acceptance.
 */
function firstZipEntry(bytes: Uint8Array): string | undefined {
  if (bytes.length < 30) return undefined;
  const nameLength = bytes[26]! | (bytes[27]! << 8);
  if (bytes.length < 30 + nameLength) return undefined;
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(30, 30 + nameLength));
}

/**
 * The checks on an uploaded material: before the upload on what the applicant declares (type and size), and
 * after it on what arrived (its first bytes and its real size). Each problem has a stable code and a message
 * in both languages, shown to the applicant as it is.
 */

export const UPLOAD_PROBLEM_CODES = ['EMPTY', 'TOO_LARGE', 'TYPE_NOT_ALLOWED', 'TYPE_MISMATCH'] as const;
export type UploadProblemCode = (typeof UPLOAD_PROBLEM_CODES)[number];

export interface UploadProblem {
  code: UploadProblemCode;
  zh: string;
  en: string;
}

const LABELS: Record<FileType, string> = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG', ofd: 'OFD' };
const ALLOWED = 'PDF、JPEG、PNG、OFD';
const ALLOWED_EN = 'PDF, JPEG, PNG or OFD';

/** Sizes as people read them: 20 MB, 20.5 MB, 300 KB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

export interface Declaration {
  /** A type ('pdf') or the media type the applicant declared ('application/pdf'). */
  declaredType: string;
  size: number;
  maxBytes: number;
}

/** What can be judged before any byte arrives. */
export function checkDeclaration({ declaredType, size, maxBytes }: Declaration): UploadProblem[] {
  const problems: UploadProblem[] = [];
  if (!fileTypeOf(declaredType)) {
    problems.push({
      code: 'TYPE_NOT_ALLOWED',
      zh: `不接受该类型的文件（${declaredType}），请上传 ${ALLOWED} 文件`,
      en: `Files of type ${declaredType} are not accepted; upload a ${ALLOWED_EN} file`,
    });
  }
  if (size === 0) {
    problems.push({ code: 'EMPTY', zh: '文件为空', en: 'The file is empty' });
  } else if (size > maxBytes) {
    problems.push({
      code: 'TOO_LARGE',
      zh: `文件大小为 ${formatSize(size)}，超过上限 ${formatSize(maxBytes)}`,
      en: `The file is ${formatSize(size)}, over the limit of ${formatSize(maxBytes)}`,
    });
  }
  return problems;
}

export interface UploadFacts extends Declaration {
  /** The first HEAD_BYTES bytes of the file (all of it when it is shorter). */
  head: Uint8Array;
}

/** What is judged once the file is stored: the declaration again, then whether the content is what it says. */
export function checkUpload(facts: UploadFacts): UploadProblem[] {
  const problems = checkDeclaration(facts);
  const declared = fileTypeOf(facts.declaredType);
  // An empty file or an undeclarable type has nothing more to say about its content.
  if (!declared || facts.size === 0) return problems;
  const found = detectType(facts.head);
  if (found !== declared) {
    const zhFound = found ? `实际为 ${LABELS[found]} 文件` : `不是 ${ALLOWED} 中的任何一种`;
    const enFound = found ? `it is a ${LABELS[found]} file` : `it is none of ${ALLOWED_EN}`;
    problems.push({
      code: 'TYPE_MISMATCH',
      zh: `文件内容与声明的类型 ${LABELS[declared]} 不符（${zhFound}）`,
      en: `The file is not the ${LABELS[declared]} it was declared as (${enFound})`,
    });
  }
  return problems;
}

/** A single presigned PUT carries at most 5 GiB; S3 refuses more in one request. */
const MAX_SINGLE_PUT = 5 * 1024 ** 3;

/** The size limit a deployment sets (a whole number of bytes), or the default when it sets none. */
export function maxBytesFrom(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return DEFAULT_MAX_BYTES;
  const n = Number(setting);
  if (!Number.isSafeInteger(n) || n <= 0 || n > MAX_SINGLE_PUT) {
    throw new Error(`the material size limit must be a whole number of bytes up to 5 GiB, not "${setting}"`);
  }
  return n;
}
