import { findAgentRow } from '../agents/repository.ts';
import type { CompanyContext } from '../auth/actor.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { errors } from '../errors/catalogue.ts';
import { type AnalysisReportData, renderAnalysisPdf } from './analysis-pdf.ts';
import { requireInterview } from './service.ts';

/**
 * The candidate's name, also when the candidate was deleted since; `null` once the GDPR sweep
 * erased it (and no name was given again).
 */
async function candidateName(scope: TenantScope, id: string): Promise<string | null> {
  const row = await scope.selectFrom('candidates').select(['firstName', 'lastName']).where('id', '=', id).executeTakeFirst();
  const name = row ? `${row.firstName} ${row.lastName}`.trim() : '';
  return name === '' ? null : name;
}

/** The job's title, also when the job was deleted since (§8: interviews keep it). */
async function jobTitle(scope: TenantScope, id: string | null): Promise<string | null> {
  if (!id) return null;
  const row = await scope.selectFrom('jobs').select('title').where('id', '=', id).executeTakeFirst();
  return row?.title ?? null;
}

/**
 * §10 `GET /v1/interviews/{id}/analysis-pdf`: the analysis as a PDF report. 404 until the
 * interview has an analysis. The candidate, agent and job are read through the tenant scope and
 * resolve even when deleted since, as the interview keeps pointing at them.
 */
export async function getAnalysisPdf(ctx: CompanyContext, id: string): Promise<{ analysisPdfBase64: string }> {
  const interview = await requireInterview(ctx.scope, id);
  if (!interview.analysis) {
    throw errors.notFound('analysis', id, `Interview ${id} has no analysis yet (status ${interview.status}); its PDF report exists once the analysis is produced.`);
  }
  const [name, agent, title] = await Promise.all([
    candidateName(ctx.scope, interview.candidateId),
    findAgentRow(ctx.scope, interview.agentId, { includeDeleted: true }),
    jobTitle(ctx.scope, interview.jobId),
  ]);
  const data: AnalysisReportData = {
    interviewId: interview.id,
    candidateName: name,
    agentName: agent?.name ?? '—',
    agentFocus: agent?.focus ?? 'UNDEFINED',
    agentLanguage: agent?.language,
    jobTitle: title,
    interviewDate: interview.startedAt ?? interview.scheduledAt,
    durationMinutes: interview.durationMinutes,
    isTest: interview.isTest,
    analysis: interview.analysis,
  };
  const pdf = await renderAnalysisPdf(data);
  return { analysisPdfBase64: pdf.toString('base64') };
}
