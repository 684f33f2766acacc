// The `grade --json` document (outputs.md "JSON") as the archive tests read it, to compare what
// was filed with what grade reported for the same workbooks.

export interface GradePerson {
  id: string;
  name: string;
  department: string;
  status: string;
  individual: number | null;
  common: number | null;
  bonus: number | null;
  deduction: number | null;
  score: number | null;
  band: string | null;
  grade: string | null;
  reasons: string[];
}

export interface GradeUnit {
  code: string;
  name: string;
  state: string;
  pool: string;
  n: number;
  quota: number;
  counts: Record<string, number>;
  persons: GradePerson[];
}

export interface GradeDocument {
  year: number;
  quarter: number;
  rulesSha256: string;
  units: GradeUnit[];
}
