// The harness's own view of the Part 5 / Part 6 facts. Built by build.ts from the shared catalog, read at runtime from data/.
import type { OcppVersion } from '../rpc/types.ts';

export type { OcppVersion };

/** The system under test. 'ChargingStation' cases are TC_X_NN_CS, 'CSMS' cases are TC_X_NN_CSMS. */
export type SutRole = 'ChargingStation' | 'CSMS';
export const SUT_ROLES: readonly SutRole[] = ['ChargingStation', 'CSMS'];
export const OCPP_VERSIONS: readonly OcppVersion[] = ['2.0.1', '2.1'];

/**
 * One line of a Part 5 profile table for a case: M (always) or C (only when the condition holds).
 * Only facts are kept: the Part 5 condition prose is read at build time (see build.ts) and not stored.
 */
export interface ProfileEntry {
  profile: string;
  requirement: 'M' | 'C';
  /**
   * How the row's condition is decided:
   * - 'expression': `featureExpr` holds it and can be evaluated against a PICS;
   * - 'manual': Part 5 states a condition that cannot be read mechanically (see `unreadable`); a person decides;
   * - 'none': Part 5 states no condition (always the case for M rows).
   */
  condition: 'expression' | 'manual' | 'none';
  /** The feature column for the case's SUT role in canonical form ("C-43 AND NOT AQ-7"); only when `condition` is 'expression'. */
  featureExpr: string | null;
  /** Feature ids the Part 5 row refers to (C-xx, AQ-xx, HFS-xx, LA-0, ...). */
  featureRefs: string[];
  /** Why the condition is 'manual', in our words (e.g. the feature column lost an id, or is prose). */
  unreadable: string | null;
  /** Where a row comes from when it is not the Part 5 table itself (errata). */
  source: string | null;
}

export interface ReusableStates {
  before: string[];
  main: string[];
  memory: string[];
}

export interface ErrataRef {
  doc: string;
  section: string;
  date: string;
}

export interface CatalogCase {
  id: string;
  version: OcppVersion;
  role: SutRole;
  block: string;
  blockName: string;
  title: string;
  /** The title Part 5 lists for the case when it differs from the Part 6 title (a fact, like `title`); else null. */
  part5Title: string | null;
  useCases: string[];
  requirements: string[];
  profiles: ProfileEntry[];
  /** null: no Part 6 flow data for this case (most 2.1 cases). */
  reusableStates: ReusableStates | null;
  manualActions: string[];
  /** Requests the CSMS must send (usually on an operator trigger); null when unknown. */
  csmsMustInitiate: string[] | null;
  /** Security profiles the case runs under (e.g. [2, 3]); null when the case does not restrict it. */
  securityProfile: number[] | null;
  inCertificationProgram: boolean;
  summary: string;
  errata: ErrataRef[];
  notes: string[];
  /**
   * 2.1 only: how the case's 2.1 Part 6 flow compares with the 2.0.1 case of the same id (see part6-v21.ts); null for
   * 2.0.1 cases and for 2.1 cases whose Part 6 text was not compared yet.
   */
  flow21: Flow21 | null;
}

/**
 * 'same': same steps, messages and checks as the 2.0.1 case; 'changed': `differences` lists what differs; 'new': no
 * 2.0.1 case with this id; 'unknown': the 2.0.1 side has no comparable Part 6 table (`differences` says why).
 */
export interface Flow21 {
  status: 'same' | 'changed' | 'new' | 'unknown';
  differences: string[];
}

export interface FeatureDef {
  id: string;
  /** A short label in our words (src/catalog/feature-labels.ts), or "<id> (see Part 5)" when the table has none. */
  label: string;
}

export interface ProfileDef {
  name: string;
  version: OcppVersion;
  mandatoryToCertify: boolean;
  /** 2.1 folds some profiles into Core behind a feature (LA-0, R-0, DM-0, UI-0, P-0). */
  gatingFeature: string | null;
  optionalFeatures: Record<SutRole, FeatureDef[]>;
  cases: Record<SutRole, { mandatory: string[]; conditional: string[] }>;
}

export interface VersionProfiles {
  profiles: ProfileDef[];
  /** Part 5 additional questions; the same AQ id can mean different questions per role. */
  additionalQuestions: Record<SutRole, FeatureDef[]>;
  hardwareFeatures: FeatureDef[];
}

export type ProfilesData = Record<OcppVersion, VersionProfiles>;

/** The vendor's declaration of what the SUT supports (see schemas/pics.schema.json). */
export interface Pics {
  ocppVersion?: OcppVersion;
  role?: SutRole;
  /** Profiles the vendor claims; when given, cases only in other profiles are not applicable. */
  profiles?: string[];
  /** Part 5 feature ids (C-xx, AQ-xx, HFS-xx, LA-0, ...) -> supported. */
  features: Record<string, boolean>;
  facts?: PicsFacts;
}

export interface PicsFacts {
  /** HFS-8: number of EVSEs. */
  numberOfEvses?: number;
  tls13?: boolean;
  securityProfiles?: number[];
  measurands?: string[];
  chargingRateUnits?: ('A' | 'W')[];
  fileTransferProtocols?: string[];
}

export type Applicability =
  | { applicable: true; notes: string[] }
  | { applicable: false; reason: string };

export interface SelectedCase extends CatalogCase {
  /** The strongest requirement among the considered profile rows ('M' beats 'C'); null when the case is in no profile. */
  requirement: 'M' | 'C' | null;
  /** The profile rows the selection considered (all rows, or only the filtered profile's). */
  matchedProfiles: ProfileEntry[];
  applicability: Applicability;
}

export interface SelectFilter {
  version?: OcppVersion;
  role?: SutRole;
  profile?: string;
  ids?: string[];
  blocks?: string[];
  requirement?: 'M' | 'C' | 'any';
  pics?: Pics;
}

export interface ProfileCount {
  profile: string;
  version: OcppVersion;
  role: SutRole;
  mandatory: number;
  conditional: number;
  /** Only when PICS were given: cases of the profile that apply / do not apply. */
  applicable?: number;
  notApplicable?: number;
}
