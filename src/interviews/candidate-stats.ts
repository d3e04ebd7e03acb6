import type { TenantScope } from '../db/tenant-scope.ts';
import type { Analysis } from './analysis-schema.ts';

export interface CandidateStats {
  interviewCount: number;
  analysisCount: number;
  /** Mean overall rating of the analyses that have one, or null. */
  overallRating: number | null;
}

/** §9's counts for several candidates, from their live interviews. */
export async function candidateStats(scope: TenantScope, candidateIds: string[]): Promise<Map<string, CandidateStats>> {
  const stats = new Map<string, CandidateStats & { ratings: number[] }>(
    candidateIds.map((id) => [id, { interviewCount: 0, analysisCount: 0, overallRating: null, ratings: [] }]),
  );
  if (candidateIds.length === 0) return stats;
  const rows = await scope.selectFrom('interviews').select(['candidateId', 'analysis']).where('candidateId', 'in', candidateIds).where('deletedAt', 'is', null).execute();
  for (const row of rows) {
    const entry = stats.get(row.candidateId);
    if (!entry) continue;
    entry.interviewCount += 1;
    if (!row.analysis) continue;
    entry.analysisCount += 1;
    const rating = (JSON.parse(row.analysis) as Analysis).general.overallRating;
    if (rating !== null) entry.ratings.push(rating);
  }
  for (const entry of stats.values()) {
    entry.overallRating = entry.ratings.length > 0 ? Math.round((entry.ratings.reduce((a, b) => a + b, 0) / entry.ratings.length) * 10) / 10 : null;
  }
  return stats;
}
