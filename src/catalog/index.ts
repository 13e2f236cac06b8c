// Public entry of the catalog module.
export { Catalog, CatalogError, loadCatalog } from './catalog.ts';
export type { CatalogData } from './catalog.ts';
export { checkFeatures } from './features.ts';
export type { FeatureProblem, FeatureProblemKind } from './features.ts';
export { evaluate, formatExpr, parseCondition, NUMERIC_FEATURES } from './conditions.ts';
export type { Evaluation, Expr, ParsedCondition, Truth } from './conditions.ts';
export { OCPP_VERSIONS, SUT_ROLES } from './types.ts';
export type {
  Applicability,
  CatalogCase,
  ErrataRef,
  FeatureDef,
  Flow21,
  OcppVersion,
  Pics,
  PicsFacts,
  ProfileCount,
  ProfileDef,
  ProfileEntry,
  ProfilesData,
  ReusableStates,
  SelectFilter,
  SelectedCase,
  SutRole,
  VersionProfiles,
} from './types.ts';
export { flowDecision } from './version-flow.ts';
export type { FlowDecision } from './version-flow.ts';
export { MISPRINTS, NOT_IN_PART6, PART6_V21_SOURCE, part6v21 } from './part6-v21.ts';
export type { Part6Case, Part6Data } from './part6-v21.ts';
export { catalogCounts, FLOW_COUNTS, implementedByProfile, renderCounts } from './counts.ts';
export type { CatalogCounts, FlowCount, ProfileTally } from './counts.ts';
