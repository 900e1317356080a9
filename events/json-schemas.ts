import { z } from 'zod';
import type { ContractEntry } from './entry.ts';
import { CONTRACT, fileNameOf } from './index.ts';

/** Where an entry's JSON Schema lives, relative to events/. */
export const schemaPathOf = (entry: ContractEntry) =>
  `schemas/${entry.source}/${fileNameOf(entry.detailType)}`;

/** Where an entry's sample event lives, relative to events/. */
export const samplePathOf = (entry: ContractEntry) =>
  `samples/${entry.source}/${fileNameOf(entry.detailType)}`;

/** The JSON Schema (2020-12) of an entry's detail, titled with its detail-type, for departments' tooling. */
export function jsonSchemaOf(entry: ContractEntry): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(entry.schema, { target: 'draft-2020-12' });
  return {
    $schema,
    title: `${entry.detailType} (${entry.source})`,
    ...schema,
    description: [
      entry.description,
      entry.published ? '' : 'Not yet published.',
      'This schema describes the event\'s "detail".',
    ]
      .filter(Boolean)
      .join(' '),
  };
}

/** Every JSON Schema of the contract, by path relative to events/. */
export const jsonSchemas = (): Map<string, Record<string, unknown>> =>
  new Map(CONTRACT.map((entry) => [schemaPathOf(entry), jsonSchemaOf(entry)]));
