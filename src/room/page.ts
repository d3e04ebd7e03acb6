/**
 * The room's HTML, in the agent's language: the room itself (first screen, conversation, end) and
 * the pages of a link that is not open yet, expired, cancelled, finished or failed. Plain text
 * only goes in, escaped; the script and the style are separate files (the CSP allows nothing
 * inline), and the lines the script needs travel as a JSON data block.
 */
import { LANGUAGE_INFO, runtimeLanguage } from '../interviews/runtime/languages.ts';
import { type Lines, linesFor, minutesText, render } from '../interviews/runtime/lines/lines.ts';
import type { AgentForRuntime } from '../interviews/runtime/brains/brain.ts';

export type StatePage = 'notOpenYet' | 'expired' | 'cancelled' | 'finished' | 'failed';

const MALE_VOICES = new Set(['ALEX', 'PETER', 'MICHAEL', 'LUKE']);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside a <script> data block: nothing in it can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function layout(language: string, title: string, body: string): string {
  const info = LANGUAGE_INFO[runtimeLanguage(language)];
  return `<!doctype html>
<html lang="${info.bcp47}" dir="${info.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/room-assets/room.css">
<script src="/room-assets/room-speech.js" defer></script>
<script src="/room-assets/room.js" defer></script>
</head>
<body>
${body}
</body>
</html>
`;
}

export interface RoomPageView {
  token: string;
  agent: AgentForRuntime;
  companyName: string;
  /** IN_PROGRESS opens on the conversation (a reload), SCHEDULED on the first screen. */
  started: boolean;
}

/** The room: the first screen (who, what is recorded, Start), the conversation and the end. */
export function roomPage(view: RoomPageView): string {
  const { agent } = view;
  const lines = linesFor(agent.language);
  const t = (text: string) => escapeHtml(text);
  const company = { companyName: view.companyName };
  const gender = agent.voiceId === null ? '' : MALE_VOICES.has(agent.voiceId) ? 'male' : 'female';
  const body = `<main id="room" data-token="${t(view.token)}" data-status="${view.started ? 'IN_PROGRESS' : 'SCHEDULED'}" data-voice-gender="${gender}">
<header class="bar">
<p class="company">${t(view.companyName)}</p>
<p id="timer" class="timer" hidden></p>
</header>
<section id="intro" aria-labelledby="intro-heading"${view.started ? ' hidden' : ''}>
<h1 id="intro-heading">${t(lines.introHeading)}</h1>
<p>${t(render(lines.introAgent, { agentName: agent.name, minutes: minutesText(agent.language, agent.duration) }))}</p>
<p class="notice">${t(render(lines.introAiNotice, company))}</p>
<p class="notice voice-notice" hidden>${t(lines.voiceNotice)}</p>
<button id="start" type="button" class="primary">${t(lines.startButton)}</button>
<p id="intro-status" role="status"></p>
</section>
<section id="conversation" aria-labelledby="conversation-heading"${view.started ? '' : ' hidden'}>
<h1 id="conversation-heading" class="visually-hidden">${t(render(lines.pageTitle, company))}</h1>
<ol id="transcript" class="transcript"></ol>
<div id="announcer" class="visually-hidden" aria-live="polite" aria-atomic="true"></div>
<form id="answer-form" class="answer" novalidate>
<label for="answer">${t(lines.answerLabel)}</label>
<textarea id="answer" name="answer" rows="3" maxlength="4000" dir="auto"></textarea>
<div class="controls">
<button id="send" type="submit" class="primary" disabled>${t(lines.sendButton)}</button>
<button id="voice" type="button" hidden>${t(lines.voiceButton)}</button>
<button id="mute" type="button">${t(lines.muteButton)}</button>
</div>
<p class="notice voice-notice" hidden>${t(lines.voiceNotice)}</p>
<p id="status-line" role="status"></p>
</form>
</section>
<section id="ended" aria-labelledby="ended-heading" hidden>
<h2 id="ended-heading" tabindex="-1">${t(lines.endedHeading)}</h2>
<p id="ended-message"></p>
</section>
</main>
<script type="application/json" id="room-lines">${scriptJson(clientLines(lines))}</script>`;
  return layout(agent.language, render(lines.pageTitle, company), body);
}

/** The lines the script says itself. */
function clientLines(lines: Lines) {
  const { interviewerLabel, youLabel, voiceButton, voiceStop, muteButton, unmuteButton, timeRemaining, reconnecting, sendFailed, cancelled, failed, expired, finished } = lines;
  return { interviewerLabel, youLabel, voiceButton, voiceStop, muteButton, unmuteButton, timeRemaining, reconnecting, sendFailed, cancelled, failed, expired, finished };
}

export interface StatePageView {
  page: StatePage;
  language: string;
  companyName: string;
  /** notOpenYet: when it opens. */
  opensAt?: string;
}

/** A link that cannot be used now: why, in the agent's language. */
export function statePage(view: StatePageView): string {
  const lines = linesFor(view.language);
  const info = LANGUAGE_INFO[runtimeLanguage(view.language)];
  let message: string;
  if (view.page === 'notOpenYet') {
    const at = new Date(view.opensAt ?? 0);
    // The script shows it in the candidate's own zone; UTC until then (and without the script).
    const utc = `${new Intl.DateTimeFormat(info.bcp47, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(at)} UTC`;
    const [before = '', after = ''] = lines.notOpenYet.split('{time}');
    message = `${escapeHtml(before)}<time datetime="${at.toISOString()}" data-local>${escapeHtml(utc)}</time>${escapeHtml(after)}`;
  } else {
    message = escapeHtml(lines[view.page]);
  }
  const heading = view.page === 'notOpenYet' ? lines.introHeading : lines.endedHeading;
  const body = `<main class="state" id="state" data-page="${view.page}">
<p class="company">${escapeHtml(view.companyName)}</p>
<h1>${escapeHtml(heading)}</h1>
<p id="state-message">${message}</p>
</main>`;
  return layout(view.language, render(lines.pageTitle, { companyName: view.companyName }), body);
}

/** An unknown, mistyped or deleted link: nothing says which company it was, so English. */
export function notFoundPage(): string {
  const body = `<main class="state" id="state" data-page="notFound">
<h1>Interview not found</h1>
<p id="state-message">This interview link is not valid. Please check the link, or contact the company that invited you.</p>
</main>`;
  return layout('EN', 'Interview not found', body);
}
