import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Candidate, Interview, Turn } from '../api/types';
import { Link } from '../router';
import { LoadState, Table } from '../load-state';
import { label, t, when } from '../strings';
import { Busy, CopyButton, Empty, ErrorNote, useLoad } from '../ui';

/** While an interview is live, the page follows it (a poll; the room itself streams). */
const FOLLOW_MS = 3000;

export function InterviewPage({ id }: { id: string }) {
  const loaded = useLoad(async () => {
    const path = { params: { path: { id } } };
    const interview = await unwrap(api.GET('/v1/interviews/{id}', path));
    const [transcript, candidate] = await Promise.all([
      unwrap(api.GET('/v1/interviews/{id}/transcript', path)),
      interview.candidateId ? unwrap(api.GET('/v1/candidates/{id}', { params: { path: { id: interview.candidateId } } })).catch(() => null) : Promise.resolve(null),
    ]);
    return { interview, transcript, candidate };
  }, [id]);
  const { data, reload } = loaded;
  const live = data && (data.interview.status === 'IN_PROGRESS' || data.interview.status === 'SCHEDULED' || (data.interview.status === 'COMPLETED' && !data.interview.analysis));
  useEffect(() => {
    if (!live) return;
    const timer = setTimeout(reload, FOLLOW_MS);
    return () => clearTimeout(timer);
  }, [live, data, reload]);

  // Followed live: the page stays in place while it reloads.
  return (
    <LoadState state={loaded} keepWhileReloading>
      {(shown) => <InterviewView {...shown} />}
    </LoadState>
  );
}

function InterviewView({ interview, transcript, candidate }: { interview: Interview; transcript: Turn[]; candidate: Candidate | null }) {
  const name = candidate ? `${candidate.firstName} ${candidate.lastName}` : t.interviews.unknown;
  return (
    <>
      <p>
        <Link href="/interviews">{t.interview.back}</Link>
      </p>
      <h1>{t.interview.title(name)}</h1>
      <Timeline interview={interview} />
      {(interview.callAttempts?.length ?? 0) > 0 && <CallAttempts interview={interview} />}
      <Analysis interview={interview} transcript={transcript} />
      <Transcript turns={transcript} />
    </>
  );
}

function Timeline({ interview }: { interview: Interview }) {
  const steps: [string, string | null][] = [
    [t.interview.createdAt, interview.createdAt],
    [t.interview.scheduledAt, interview.scheduledAt],
    [t.interview.startedAt, interview.startedAt],
    [t.interview.finishedAt, interview.finishedDate],
  ];
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">{t.interview.timeline}</h2>
      <p>
        <span id="interview-status" class={`status status-${interview.status.toLowerCase()}`}>
          {interview.status}
        </span>
        {interview.statusReason && ` · ${t.interview.reason}: ${label(interview.statusReason)}`}
      </p>
      <ol class="timeline">
        {steps
          .filter(([, at]) => at)
          .map(([what, at]) => (
            <li key={what}>
              <strong>{what}</strong> <time dateTime={at ?? undefined}>{when(at)}</time>
            </li>
          ))}
      </ol>
      <dl class="facts">
        <dt>{t.interview.minutes}</dt>
        <dd>{interview.durationMinutes ?? '—'}</dd>
        {interview.interviewUrl && (
          <>
            <dt>{t.interview.link}</dt>
            <dd>
              <code>{interview.interviewUrl}</code> <CopyButton text={interview.interviewUrl} label={t.interviews.copyLink} />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function CallAttempts({ interview }: { interview: Interview }) {
  const attempts = interview.callAttempts ?? [];
  return (
    <section aria-labelledby="attempts">
      <h2 id="attempts">{t.interview.callAttempts}</h2>
      <Table columns={['#', t.interview.direction, t.interview.attemptStatus, t.interview.scheduledAt, t.interview.calledAt]}>
        {attempts.map((a) => (
          <tr key={a.id}>
            <td>{a.retryNumber}</td>
            <td>{label(a.direction)}</td>
            <td>
              {label(a.status)}
              {a.reasonCode ? ` (${label(a.reasonCode)})` : ''}
            </td>
            <td>{when(a.scheduledAt)}</td>
            <td>{when(a.calledAt)}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

/** The analysis's strong or weak points under their heading; nothing when there are none. */
function Points({ title, points }: { title: string; points: string[] }) {
  if (points.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {points.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </>
  );
}

function PdfDownload({ id }: { id: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { analysisPdfBase64 } = await unwrap(api.GET('/v1/interviews/{id}/analysis-pdf', { params: { path: { id } } }));
      const bytes = Uint8Array.from(atob(analysisPdfBase64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `interview-${id}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : t.somethingWrong);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={download} disabled={busy}>
        {t.interview.pdf}
      </button>
      {busy && <Busy text={t.interview.pdfBusy} />}
      <ErrorNote error={error} />
    </>
  );
}

function Analysis({ interview, transcript }: { interview: Interview; transcript: Turn[] }) {
  const analysis = interview.analysis;
  const turnNumber = new Map(transcript.map((turn, i) => [turn.id, i + 1]));
  return (
    <section aria-labelledby="analysis">
      <h2 id="analysis">{t.interview.analysis}</h2>
      {!analysis ? (
        <Empty>{t.interview.noAnalysis}</Empty>
      ) : (
        <>
          <p class="hint">{t.interview.evaluator(analysis.evaluator.kind, analysis.evaluator.model ?? null)}</p>
          <dl class="facts">
            <dt>{t.interview.overall}</dt>
            <dd>{analysis.general.overallRating ?? t.interview.notScored}</dd>
            <dt>{t.interview.fit}</dt>
            <dd>{analysis.general.companyFitRating ? label(analysis.general.companyFitRating) : t.interview.notScored}</dd>
          </dl>
          <h3>{t.interview.summary}</h3>
          <p>{analysis.general.summary}</p>
          <Points title={t.interview.strong} points={analysis.general.strongPoints} />
          <Points title={t.interview.weak} points={analysis.general.weakPoints} />
          <ol class="evaluation">
            {analysis.general.evaluation.map((entry, i) => (
              <li key={i} class="score-card">
                <h3>{entry.question}</h3>
                <p class="score">
                  {t.interview.score}: <strong>{entry.score ?? t.interview.notScored}</strong>
                  {entry.insufficientEvidence && ` · ${t.interview.insufficient}`}
                </p>
                <p>
                  <strong>{t.interview.answer}:</strong> {entry.answerSummary}
                </p>
                <p>
                  <strong>{t.interview.reasoning}:</strong> {entry.reasoning}
                </p>
                {entry.evidence.length > 0 && (
                  <>
                    <p>
                      <strong>{t.interview.evidence}:</strong>
                    </p>
                    <ul class="evidence">
                      {entry.evidence.map((cited, j) => (
                        <li key={j}>
                          <a href={`#turn-${cited.turnId}`} onClick={() => focusTurn(cited.turnId)}>
                            “{cited.quote}” ({t.interview.turnRef(turnNumber.get(cited.turnId) ?? null)})
                          </a>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </li>
            ))}
          </ol>
          <PdfDownload id={interview.id} />
        </>
      )}
    </section>
  );
}

/** Moves focus to the cited turn too (the link's own jump only scrolls), so keyboard and screen-reader users land on it. */
function focusTurn(turnId: string): void {
  document.getElementById(`turn-${turnId}`)?.focus();
}

function Transcript({ turns }: { turns: Turn[] }) {
  return (
    <section aria-labelledby="transcript">
      <h2 id="transcript">{t.interview.transcript}</h2>
      {turns.length === 0 ? (
        <Empty>{t.interview.noTranscript}</Empty>
      ) : (
        <ol class="transcript">
          {turns.map((turn) => (
            <li key={turn.id} id={`turn-${turn.id}`} class={turn.role} tabIndex={-1}>
              <span class="who">{turn.role === 'agent' ? t.interview.agentRole : t.interview.candidateRole}</span>
              <time dateTime={turn.startedAt}>{when(turn.startedAt)}</time>
              <p>{turn.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
