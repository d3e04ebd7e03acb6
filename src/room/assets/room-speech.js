/*
 * The room's speech, where the browser has it: each interviewer turn said aloud in the agent's
 * language (a voice of the agent's gender where a voice's name says it; a mute switch, remembered)
 * and answers dictated into the answer box. A courtesy on top of typing: the room never waits
 * for it (room.js).
 */
(function () {
  'use strict';

  /**
   * `room`: { lang, gender, lines, mute, voice, answer, onDictated }, the page's buttons and box.
   * Returns `speak(text, done)`, `stopListening()` (the interview ended) and `dropListening()`
   * (an answer was sent: words still being recognised are dropped, not added after it).
   */
  window.interviewdSpeech = function (room) {
    const { lang, gender, lines, mute, voice, answer } = room;

    // ——— Speech out: a voice of the agent's language (and its voice's gender, where a name says it) ———
    const synth = 'speechSynthesis' in window ? window.speechSynthesis : null;
    let muted = false;
    try {
      muted = localStorage.getItem('interviewd-muted') === '1';
    } catch {
      /* storage refused: not muted */
    }

    function pickVoice() {
      if (!synth) return null;
      const voices = synth.getVoices();
      const exact = voices.filter((v) => v.lang.replace('_', '-').toLowerCase() === lang.toLowerCase());
      const prefix = lang.split('-')[0].toLowerCase();
      const near = exact.length > 0 ? exact : voices.filter((v) => v.lang.toLowerCase().startsWith(prefix));
      const hint = gender === 'male' ? /\bmale\b/i : gender === 'female' ? /female|woman/i : null;
      return (hint && near.find((v) => hint.test(v.name))) || near[0] || null;
    }

    /** Says `text` unless muted or voiceless; `done` runs when it is over (at once if nothing is said). */
    let voicesAwaited = false;
    function speak(text, done) {
      // A browser may list its voices only a moment after the page loads: wait for them once.
      if (!muted && synth && !voicesAwaited && synth.getVoices().length === 0) {
        voicesAwaited = true;
        let went = false;
        const go = () => {
          if (went) return;
          went = true;
          synth.removeEventListener('voiceschanged', go);
          speak(text, done);
        };
        synth.addEventListener('voiceschanged', go);
        return void setTimeout(go, 1500);
      }
      const chosen = muted ? null : pickVoice();
      if (!chosen) return done();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = chosen;
      utterance.lang = chosen.lang;
      let called = false;
      const once = () => {
        if (called) return;
        called = true;
        done();
      };
      utterance.onend = once;
      utterance.onerror = once;
      synth.speak(utterance);
    }

    function setMuted(on) {
      muted = on;
      mute.textContent = on ? lines.unmuteButton : lines.muteButton;
      try {
        localStorage.setItem('interviewd-muted', on ? '1' : '0');
      } catch {
        /* not remembered */
      }
      if (on && synth) synth.cancel();
    }
    setMuted(muted);
    mute.addEventListener('click', () => setMuted(!muted));

    // ——— Speech in, where the browser offers recognition ———
    const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
    let recognition = null;
    if (Recognition) {
      voice.hidden = false;
      document.querySelectorAll('.voice-notice').forEach((el) => (el.hidden = false));
    }
    function setListening(on) {
      voice.textContent = on ? lines.voiceStop : lines.voiceButton;
    }
    voice.addEventListener('click', () => {
      if (recognition) return recognition.stop();
      recognition = new Recognition();
      recognition.lang = lang;
      recognition.interimResults = true;
      recognition.continuous = true;
      const before = answer.value.trim() === '' ? '' : answer.value.replace(/\s*$/, ' ');
      recognition.onresult = (event) => {
        let heard = '';
        for (let i = 0; i < event.results.length; i++) heard += event.results[i][0].transcript;
        answer.value = (before + heard).slice(0, answer.maxLength);
        room.onDictated();
      };
      recognition.onend = recognition.onerror = () => {
        recognition = null;
        setListening(false);
      };
      recognition.start();
      setListening(true);
    });

    return {
      speak,
      stopListening: () => recognition && recognition.stop(),
      dropListening: () => {
        if (!recognition) return;
        recognition.onresult = null;
        recognition.abort();
      },
    };
  };
})();
