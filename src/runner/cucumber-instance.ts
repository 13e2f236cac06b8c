// The cucumber the compiled glue registers its steps and hooks with (scripts/build.js points the glue bundle's
// `@cucumber/cucumber` here). The cucumber child carries its own bundled copy of cucumber and leaves it in a global
// slot before it loads the glue: steps must land in the registry of the cucumber that runs them. Everywhere else
// (cucumber's parallel workers, which load the installed package) the slot is empty and this is the installed package.
import { createRequire } from 'node:module';
import type * as Cucumber from '@cucumber/cucumber';
import { CUCUMBER_SLOT } from './cucumber-slot.ts';

const cucumber = ((globalThis as Record<symbol, unknown>)[CUCUMBER_SLOT] ?? createRequire(import.meta.url)('@cucumber/cucumber')) as typeof Cucumber;

export const { After, AfterAll, AfterStep, Before, BeforeAll, BeforeStep, defineParameterType, defineStep, Given, setDefaultTimeout, setWorldConstructor, Then, When, World } = cucumber;
export type { DataTable, IWorldOptions } from '@cucumber/cucumber';
