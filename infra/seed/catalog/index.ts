import {
  BaseItem,
  Department,
  type ImplementationItem,
  Region,
} from '../../../shared/domain/catalog/model.ts';
import { SEED_BASE_ITEMS } from './base-items/index.ts';
import { SEED_DEPARTMENTS } from './departments.ts';
import { implementationItemsFor } from './implementation.ts';
import { type LifeEvent, SEED_LIFE_EVENTS } from './life-events.ts';
import { SEED_REGIONS } from './regions.ts';
import { SEED_SYNONYMS, type SynonymGroup } from './synonyms.ts';

/**
 * The seed matter catalog for local mode and tests: Shaanxi's regions, the departments, the base catalog,
 * every base item implemented in every region, search synonyms and life events. Everything is parsed with the
 * model's schemas, so defaults are applied exactly as for a catalog loaded from the store;
 * `checkCatalog(seed, seed)` passes (the seed is its own context: it carries `regions` and `departments`).
 */
export interface SeedCatalog {
  regions: Region[];
  departments: Department[];
  baseItems: BaseItem[];
  implementationItems: ImplementationItem[];
  synonyms: SynonymGroup[];
  lifeEvents: LifeEvent[];
}

/** A fresh copy on every call: callers may change what they get without touching the next caller's. */
export function seedCatalog(): SeedCatalog {
  const regions = SEED_REGIONS.map((r) => Region.parse(r));
  const departments = SEED_DEPARTMENTS.map((d) => Department.parse(d));
  const baseItems = SEED_BASE_ITEMS.map((b) => BaseItem.parse(b));
  return {
    regions,
    departments,
    baseItems,
    implementationItems: baseItems.flatMap((b) => implementationItemsFor(b, regions, departments)),
    synonyms: structuredClone(SEED_SYNONYMS),
    lifeEvents: structuredClone(SEED_LIFE_EVENTS),
  };
}

export type { LifeEvent } from './life-events.ts';
export type { SynonymGroup } from './synonyms.ts';
