/** The console's shell: who is signed in, the navigation with Sign out, and which page shows. */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { authApi, type Session, setSession, whenSignedOut } from './api/client';
import { Link, match, navigate, useLocation } from './router';
import { t } from './strings';
import { Busy, ErrorNote } from './ui';
import { AcceptPage } from './pages/accept';
import { SignInPage } from './pages/sign-in';
import { AgentFormPage, AgentsPage } from './pages/agents';
import { InterviewsPage } from './pages/interviews';
import { InterviewPage } from './pages/interview';
import { CandidatePage, CandidatesPage } from './pages/candidates';
import { JobFormPage, JobsPage } from './pages/jobs';
import { WebhookPage, WebhooksPage } from './pages/webhooks';
import { ApiKeysPage } from './pages/api-keys';
import { UsagePage } from './pages/usage';
import { UsersPage } from './pages/users';

const SessionContext = createContext<Session | null>(null);
export const useSession = () => useContext(SessionContext) as Session;

type Page = { pattern: string; adminOnly?: boolean; render: (params: Record<string, string>) => preact.JSX.Element };

const PAGES: Page[] = [
  { pattern: '/interviews', render: () => <InterviewsPage /> },
  { pattern: '/interviews/:id', render: (p) => <InterviewPage id={p.id as string} /> },
  { pattern: '/agents', render: () => <AgentsPage /> },
  { pattern: '/agents/new', render: () => <AgentFormPage /> },
  { pattern: '/agents/:id', render: (p) => <AgentFormPage id={p.id as string} /> },
  { pattern: '/agents/:id/duplicate', render: (p) => <AgentFormPage id={p.id as string} duplicate /> },
  { pattern: '/candidates', render: () => <CandidatesPage /> },
  { pattern: '/candidates/new', render: () => <CandidatePage /> },
  { pattern: '/candidates/:id', render: (p) => <CandidatePage id={p.id as string} /> },
  { pattern: '/jobs', render: () => <JobsPage /> },
  { pattern: '/jobs/new', render: () => <JobFormPage /> },
  { pattern: '/jobs/:id', render: (p) => <JobFormPage id={p.id as string} /> },
  { pattern: '/webhooks', adminOnly: true, render: () => <WebhooksPage /> },
  { pattern: '/webhooks/:id', adminOnly: true, render: (p) => <WebhookPage id={p.id as string} /> },
  { pattern: '/api-keys', adminOnly: true, render: () => <ApiKeysPage /> },
  { pattern: '/users', adminOnly: true, render: () => <UsersPage /> },
  { pattern: '/usage', render: () => <UsagePage /> },
];

const NAV: { href: string; text: string; adminOnly?: boolean }[] = [
  { href: '/interviews', text: t.nav.interviews },
  { href: '/agents', text: t.nav.agents },
  { href: '/candidates', text: t.nav.candidates },
  { href: '/jobs', text: t.nav.jobs },
  { href: '/webhooks', text: t.nav.webhooks, adminOnly: true },
  { href: '/api-keys', text: t.nav.apiKeys, adminOnly: true },
  { href: '/users', text: t.nav.users, adminOnly: true },
  { href: '/usage', text: t.nav.usage },
];

function Shell({ session, path, onSignOut }: { session: Session; path: string; onSignOut: () => void }) {
  const admin = session.user.role === 'admin';
  let content: preact.JSX.Element = <ErrorNote error={t.notFound} />;
  for (const page of PAGES) {
    const params = match(page.pattern, path);
    if (!params) continue;
    content = page.adminOnly && !admin ? <ErrorNote error={t.forbidden} /> : page.render(params);
    break;
  }
  return (
    <SessionContext.Provider value={session}>
      <a class="skip" href="#main">
        {t.skipToContent}
      </a>
      <header class="top">
        <span class="brand">{t.product}</span>
        <nav aria-label={t.nav.label}>
          <ul>
            {NAV.filter((n) => admin || !n.adminOnly).map((n) => (
              <li key={n.href}>
                <Link href={n.href} aria-current={path === n.href || path.startsWith(n.href + '/') ? 'page' : undefined}>
                  {n.text}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="me">
          <span class="who">{t.nav.signedInAs(session.user.email, session.user.role)}</span>
          <button type="button" class="secondary" onClick={onSignOut}>
            {t.nav.signOut}
          </button>
        </div>
      </header>
      <main id="main" key={path}>
        {content}
      </main>
    </SessionContext.Provider>
  );
}

export function App() {
  const { path } = useLocation();
  const [session, setState] = useState<Session | null | undefined>(undefined);
  const adopt = (next: Session | null) => {
    setSession(next);
    setState(next);
  };

  useEffect(() => {
    whenSignedOut(() => adopt(null));
    authApi.session().then(adopt, () => adopt(null));
  }, []);

  if (path === '/accept') return <AcceptPage onSignedIn={(s) => (adopt(s), navigate('/interviews', true))} />;
  if (session === undefined) return <Busy />;
  if (session === null) return <SignInPage onSignedIn={(s) => (adopt(s), path === '/' || path === '/sign-in' ? navigate('/interviews', true) : navigate(path, true))} />;
  if (path === '/' || path === '/sign-in') {
    queueMicrotask(() => navigate('/interviews', true));
    return <Busy />;
  }
  const signOut = async () => {
    try {
      await authApi.signOut();
    } catch {
      // Signed out here whatever the server said (an expired session is already gone there).
    }
    adopt(null);
    navigate('/sign-in', true);
  };
  return <Shell session={session} path={path} onSignOut={signOut} />;
}
