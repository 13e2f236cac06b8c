// Which CSMS faults are proven live, and by what. A fault counts when either
//  - a fault-matrix row switches it on for an implemented CSMS case (the case runs against the reference CSMS, so the
//    fault is on there) and expects a FAIL at a named step with a named explanation, in a matrix file the self-test
//    runs (loadMatrixFiles is the list selftest.test.ts makes one test per file from); or
//  - a scenario in faults-*.ts switches it on against the reference CSMS and sees its effect.
import { existsSync, readFileSync } from 'node:fs';
import type { Matrix } from '../../selftest/fault-run.ts';

const featuresDir = new URL('../../../features/csms/', import.meta.url);

/** The feature file of a CSMS case, if it is implemented (features/csms/<Block>/<id>.feature, tagged with its id). */
export function csmsFeature(id: string): string | undefined {
  const m = /^TC_([A-Z])_\d+(?:_\d+)?_CSMS$/.exec(id);
  if (!m) return undefined;
  const file = new URL(`${m[1]}/${id}.feature`, featuresDir);
  if (!existsSync(file)) return undefined;
  return new RegExp(`@${id}\\b`).test(readFileSync(file, 'utf8')) ? file.pathname : undefined;
}

export interface Coverage {
  /** fault -> the matrix rows that prove it ("<file>: <case> at step <step>"). */
  byMatrix: Map<string, string[]>;
  /** Rows that name a CSMS fault but cannot prove it, with the reason. */
  unusable: string[];
}

/** Reads the matrix files for rows that prove CSMS faults (see the file comment for what counts). */
export function matrixCoverage(faults: readonly string[], files: Array<{ name: string; matrix: Matrix }>, feature = csmsFeature): Coverage {
  const known = new Set(faults);
  const byMatrix = new Map<string, string[]>();
  const unusable: string[] = [];
  for (const { name, matrix } of files) {
    for (const [id, rows] of Object.entries(matrix.cases)) {
      for (const row of rows) {
        // A station case switches on the reference station's fault of that name (the two simulators share a few names).
        if (!known.has(row.fault) || !id.endsWith('_CSMS')) continue;
        const where = `${name}: ${id} x ${row.fault}`;
        if (!feature(id)) unusable.push(`${where}: ${id} has no feature file, so the row never runs`);
        else if (row.expect !== 'FAIL') unusable.push(`${where}: the row expects ${String(row.expect)}, not FAIL`);
        else if (typeof row.step !== 'string' || row.step.trim() === '') unusable.push(`${where}: the row names no step`);
        else if (typeof row.message !== 'string' || row.message.trim() === '') unusable.push(`${where}: the row names no explanation`);
        else byMatrix.set(row.fault, [...(byMatrix.get(row.fault) ?? []), `${name}: ${id} at step ${row.step}`]);
      }
    }
  }
  return { byMatrix, unusable };
}

/** The faults neither a usable matrix row nor a scenario proves. */
export function unproven(faults: readonly string[], coverage: Coverage, scenarios: Readonly<Record<string, unknown>>): string[] {
  return faults.filter((f) => !coverage.byMatrix.has(f) && !(f in scenarios));
}
