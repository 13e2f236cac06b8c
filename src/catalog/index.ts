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
