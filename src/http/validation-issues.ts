import type { ValidationIssue } from '../errors/catalogue.ts';

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

/** Flattens Zod issues into the envelope's `details.issues`, one per problem, naming the field. */
export function toValidationIssues(issues: readonly ZodLikeIssue[], prefix: PropertyKey[] = []): ValidationIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({ path: joinPath([...path, key]), message: `unknown field "${key}"`, code: 'unrecognized_key' }));
    }
    return [{ path: joinPath(path), message: issue.message, code: issue.code }];
  });
}

export function joinPath(path: PropertyKey[]): string {
  return path.map(String).join('.');
}
