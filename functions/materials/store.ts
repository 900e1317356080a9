import { CaseStore } from '../../shared/adapters/case-store.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { UploadStore } from '../../shared/adapters/upload-store.ts';
import { maxBytesFrom } from '../../shared/domain/materials/file-types.ts';

// Created once per container, like the clients they use.
const table = requiredEnv('CASES_TABLE');
export const cases = new CaseStore(documents, table);
export const uploads = new UploadStore(documents, table);

/** MATERIALS_MAX_BYTES, when a deployment sets it; the upload URL and the check must use the same limit. */
export const maxBytes = maxBytesFrom(process.env.MATERIALS_MAX_BYTES);
