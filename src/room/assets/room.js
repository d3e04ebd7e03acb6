/*
 * The interview room's script, without a framework. The server is the truth: every (re)connection
 * starts from its snapshot (the stored transcript and the turn streaming now), and the page shows
 * what it is sent. Speech is a courtesy on top: the answer box never waits for it, so typing
 * alone completes an interview where the browser has no voices or no speech recognition.
 */
(function () {
  'use strict';

  // The "not open yet" page: the opening time in the candidate's own zone, named; the page opens
  // by itself then (a clock ahead of the server's is asked again later, not in a loop).
  document.querySelectorAll('time[data-local]').forEach(function (el) {
    const opensAt = new Date(el.getAttribute('datetime'));
    try {
      const format = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
      el.textContent = new Intl.DateTimeFormat(document.documentElement.lang, format).format(opensAt);
    } catch {
      /* the server's UTC text stays */
    }
    const wait = opensAt.getTime() - Date.now();
    if (wait < 86400000) setTimeout(() => location.reload(), wait > 0 ? wait + 1000 : 30000);
  });

  const root = document.getElementById('room');
  if (!root) return;
  const $ = (id) => document.getElementById(id);
  const lines = JSON.parse($('room-lines').textContent);
  const base = '/room/' + encodeURIComponent(root.dataset.token);
  const lang = document.documentElement.lang;
  const list = $('transcript');
  const answer = $('answer');
  const send = $('send');
  const voice = $('voice');
  const mute = $('mute');
  const statusLine = $('status-line');
  const timer = $('timer');
  const shown = new Set();
  let source = null;
  let streaming = null;
  let sending = null;
  let deadline = 0;
  let ticking = null;
  let finished = false;

  const post = (path, body) =>
    fetch(base + path, { method: 'POST', headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const newId = () => (crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2));

  const speech = window.interviewdSpeech({ lang, gender: root.dataset.voiceGender, lines, mute, voice, answer, onDictated: () => onInput() });

  // ——— The transcript ———
  function turnElement(role, id) {
    const item = document.createElement('li');
    item.className = 'turn ' + role;
    item.dataset.turnId = id;
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = role === 'agent' ? lines.interviewerLabel : lines.youLabel;
    const text = document.createElement('p');
    text.dir = 'auto'; // an answer in another script than the page's keeps its own direction
    item.append(who, text);
    list.append(item);
    item.scrollIntoView({ block: 'nearest' });
    return text;
  }

  function addTurn(id, role, text) {
    if (shown.has(id)) return;
    shown.add(id);
    turnElement(role, id).textContent = text;
  }

  function updateSend() {
    send.disabled = finished || streaming !== null || sending !== null || answer.value.trim() === '';
  }

  function onSnapshot(snapshot) {
    if (!snapshot) return location.reload();
    list.textContent = '';
    shown.clear();
    streaming = null;
    snapshot.transcript.forEach((turn) => addTurn(turn.id, turn.role, turn.text));
    const last = snapshot.transcript[snapshot.transcript.length - 1];
    // A turn stored before this page connected (right after Start, or a reload) is said too.
    if (snapshot.pending) onTurnStart({ turnId: snapshot.pending.turnId, text: snapshot.pending.text });
    else if (last && last.role === 'agent' && snapshot.status === 'IN_PROGRESS') announce(last.id, last.text);
    if (snapshot.remainingSeconds !== null) startTimer(snapshot.remainingSeconds);
    statusLine.textContent = '';
    onStatus(snapshot);
    updateSend();
  }

  function onTurnStart(data) {
    if (shown.has(data.turnId)) return;
    if (!streaming || streaming.id !== data.turnId) streaming = { id: data.turnId, text: '', el: turnElement('agent', data.turnId) };
    streaming.text = data.text || '';
    streaming.el.textContent = streaming.text;
    updateSend();
  }

  function onToken(data) {
    if (!streaming || streaming.id !== data.turnId || data.at > streaming.text.length) return;
    const fresh = data.text.slice(streaming.text.length - data.at);
    if (fresh === '') return;
    streaming.text += fresh;
    streaming.el.textContent = streaming.text;
  }

  function onTurnEnd(data) {
    if (shown.has(data.turnId)) return;
    if (streaming && streaming.id === data.turnId) {
      shown.add(data.turnId);
      streaming.el.textContent = data.text;
      streaming = null;
    } else addTurn(data.turnId, data.role, data.text);
    if (data.role === 'agent') announce(data.turnId, data.text);
    updateSend();
    // Enter pressed while the interviewer was still speaking: sent now.
    if (sendWhenReady) {
      sendWhenReady = false;
      submit();
    }
  }

  /** The interviewer's turn, whole: to the aria-live region and the voice, once per turn in this page. */
  let announced = null;
  function announce(turnId, text) {
    if (announced === turnId) return;
    announced = turnId;
    $('announcer').textContent = text;
    speech.speak(text, () =>
      post('/spoken', { turnId }).then(
        (res) => res.status === 404 && gone(),
        () => undefined,
      ),
    );
  }

  /** The link is gone (the interview was deleted): the server's page says so. */
  function gone() {
    finished = true;
    if (source) source.close();
    source = null;
    location.reload();
  }

  function onStatus(data) {
    if (data.status === 'IN_PROGRESS' || data.status === 'SCHEDULED') return;
    finished = true;
    if (source) source.close();
    source = null;
    clearInterval(ticking);
    timer.hidden = true;
    speech.stopListening();
    $('answer-form').hidden = true;
    $('ended-message').textContent =
      data.status === 'CANCELLED' ? lines.cancelled : data.status === 'FAILED' ? (data.statusReason === 'EXPIRED' ? lines.expired : lines.failed) : lines.finished;
    $('ended').hidden = false;
    $('ended-heading').focus();
    updateSend();
  }

  // ——— Remaining time ———
  function renderTimer() {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    timer.textContent = lines.timeRemaining.replace('{time}', Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0'));
  }
  function startTimer(seconds) {
    deadline = Date.now() + seconds * 1000;
    timer.hidden = false;
    renderTimer();
    if (!ticking) ticking = setInterval(renderTimer, 1000);
  }

  // ——— The push connection: EventSource reconnects by itself; a refused one is opened again ———
  function connect() {
    if (finished) return;
    source = new EventSource(base + '/events');
    const on = (name, handle) => source.addEventListener(name, (event) => handle(JSON.parse(event.data)));
    on('snapshot', onSnapshot);
    on('turn-start', onTurnStart);
    on('token', onToken);
    on('turn-end', onTurnEnd);
    on('status', onStatus);
    on('gone', gone);
    source.onerror = () => {
      if (finished) return;
      statusLine.textContent = lines.reconnecting;
      if (source && source.readyState === EventSource.CLOSED) {
        // Refused (EventSource retries a dropped connection by itself): a link that is gone
        // shows the server's page; anything else (a proxy's 502 during a restart) is tried again.
        source = null;
        fetch(base, { cache: 'no-store' }).then(
          (res) => (res.status === 404 ? gone() : setTimeout(connect, 2000)),
          () => setTimeout(connect, 2000),
        );
      }
    };
  }

  // ——— Answers: Enter sends, Shift+Enter is a new line; a failed send is retried as the same answer ———
  function deliver() {
    post('/answers', sending).then(
      (res) => {
        if (res.ok) {
          // What was typed meanwhile stays; what was sent goes.
          if (answer.value.startsWith(sending.text)) answer.value = answer.value.slice(sending.text.length).replace(/^\s+/, '');
          saveDraft();
          sending = null;
          statusLine.textContent = '';
          return updateSend();
        }
        if (res.status === 404) return gone();
        return res.json().then(
          (body) => refused(res.status, body && body.error),
          () => retry(),
        );
      },
      () => retry(),
    );
  }
  function refused(status, error) {
    if (error && error.code === 'INVALID_STATE_TRANSITION') return location.reload();
    if (status === 400 && error) {
      statusLine.textContent = error.message;
      sending = null;
      return updateSend();
    }
    retry();
  }
  function retry() {
    statusLine.textContent = lines.sendFailed;
    setTimeout(deliver, 2000);
  }
  function submit() {
    if (send.disabled) return;
    speech.dropListening(); // what is sent is what the box shows
    sending = { text: answer.value, clientId: newId() };
    updateSend();
    answer.focus(); // Send is disabled while it has focus: the box keeps it
    deliver();
  }
  $('answer-form').addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  let sendWhenReady = false;
  answer.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      if (streaming !== null && answer.value.trim() !== '') sendWhenReady = true;
      submit();
    }
  });

  // The draft survives a reload; typing tells the server the candidate is there (no nudge meanwhile).
  const draftKey = 'interviewd-draft:' + root.dataset.token;
  function saveDraft() {
    try {
      sessionStorage.setItem(draftKey, answer.value);
    } catch {
      /* not kept */
    }
  }
  let typingReported = 0;
  function onInput() {
    updateSend();
    saveDraft();
    if (finished || answer.value.trim() === '' || Date.now() - typingReported < 10000) return;
    typingReported = Date.now();
    post('/typing').catch(() => undefined);
  }
  answer.addEventListener('input', onInput);
  try {
    answer.value = sessionStorage.getItem(draftKey) || '';
  } catch {
    /* no draft */
  }
  updateSend();

  // ——— Start ———
  function showConversation() {
    $('intro').hidden = true;
    $('conversation').hidden = false;
    answer.focus();
  }
  function start() {
    const button = $('start');
    button.disabled = true;
    post('/start').then(
      (res) => {
        if (res.ok) {
          showConversation();
          return connect();
        }
        if (res.status === 404) return gone();
        if (res.status === 409) return location.reload();
        $('intro-status').textContent = lines.reconnecting;
        setTimeout(start, 2000);
      },
      () => {
        $('intro-status').textContent = lines.reconnecting;
        setTimeout(start, 2000);
      },
    );
  }
  $('start').addEventListener('click', start);
  if (root.dataset.status === 'IN_PROGRESS') {
    showConversation();
    connect();
  }
})();
