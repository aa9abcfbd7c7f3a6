export interface Requirement {
  pkg: string;
  bin?: string;
  file?: string;
  env?: string;
}
export interface ProbeOptions {
  env?: Record<string, string | undefined>;
  isExecutable?: (file: string) => boolean;
}
export const REQUIREMENTS: Record<string, Requirement[]>;
export function missingPackages(suite: string, options?: ProbeOptions): string[];
export function plan(
  suites: readonly string[],
  options?: ProbeOptions,
): { run: string[]; skipped: { suite: string; missing: string[]; line: string }[]; fail: boolean };
