import type { Lines } from './lines.ts';

/** English (en-US). Plain, friendly, polite spoken English. */
export const en: Lines = {
  greeting: 'Hello {candidateName}, I’m {interviewerName}, and I’ll be interviewing you today on behalf of {companyName}.',
  consentNotice:
    'Before we begin, please note that I am an AI interviewer, not a person. This conversation is recorded as a text transcript, which {companyName} will receive. No audio or video is stored.',
  howItWorks: 'The interview will take about {minutes}. You can answer by typing or by speaking. Please take your time with each answer.',
  firstQuestion: 'Let’s begin.',
  nextQuestion: 'Thank you. Here is the next question.',
  lastQuestion: 'Thank you. Now for the last question.',
  reprompt: 'I didn’t receive an answer. Could you please give it a try? There’s no rush.',
  timeNotice: 'Just so you know, we have about {minutes} left.',
  nudge: 'Are you still there? Please answer whenever you’re ready.',
  closing: 'Thank you very much for your time. That’s the end of the interview. {companyName} will be in touch with you about the next steps.',
  closingTimeUp: 'We’ve reached the end of our time. Thank you very much for your answers. That’s the end of the interview, and {companyName} will be in touch with you.',
  fallbackQuestion: 'Please tell me a little about yourself: your background, your experience, and what interests you about this opportunity.',
  outreachInterest: 'Would you be interested in a new opportunity with {companyName}?',
  outreachAvailability: 'When could you start, and when would you be available for a conversation with the team?',
  unknownCaller: 'Hello, you’ve reached the interview line of {companyName}. I’m sorry, but I couldn’t find an interview for this phone number. Goodbye.',
  voicemailCallBack: 'Hello, this is {companyName} calling about your interview. Please call us back at this number to take it. Thank you, and goodbye.',

  pageTitle: 'Interview with {companyName}',
  introHeading: 'Welcome to your interview',
  introAiNotice:
    'This interview is conducted by an AI interviewer. Your answers, typed or spoken, are recorded as text together with the interviewer’s questions, and this transcript is shared with {companyName}. No audio or video is stored.',
  introAgent: 'Interview: {agentName}. Duration: about {minutes}.',
  startButton: 'Start the interview',
  answerLabel: 'Your answer',
  sendButton: 'Send',
  voiceButton: 'Answer by voice',
  voiceStop: 'Stop voice input',
  voiceNotice: 'Spoken answers are turned into text by your browser’s speech recognition, which may process the audio on your browser provider’s servers.',
  muteButton: 'Mute the interviewer',
  unmuteButton: 'Unmute the interviewer',
  timeRemaining: 'Time remaining: {time}',
  interviewerLabel: 'Interviewer',
  youLabel: 'You',
  reconnecting: 'Connection lost. Reconnecting…',
  notOpenYet: 'This interview is not open yet. You can start it from {time}.',
  expired: 'This interview link has expired. Please contact the company that invited you.',
  cancelled: 'This interview has been cancelled. If you have any questions, please contact the company that invited you.',
  finished: 'Thank you! You have already completed this interview.',
  failed: 'This interview has ended and can no longer be taken.',
  endedHeading: 'The interview has ended',
  sendFailed: 'Your answer could not be sent. Trying again…',

  minutes: { one: '{count} minute', other: '{count} minutes' },
};
