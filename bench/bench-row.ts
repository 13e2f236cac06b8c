// One measured figure, as every benchmark module returns it and bench/run.ts prints it.
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}
