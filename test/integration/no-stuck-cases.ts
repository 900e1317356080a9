import { afterAll } from 'vitest';
import { expectNoStuckCases } from '../support/stuck.ts';

// After each integration test file: no case it (or any other) left may be without open work and a final state.
afterAll(expectNoStuckCases, 60_000);
