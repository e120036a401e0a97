import { asCount, asRecord, asText, errorText } from '../eventData';
import { END_EVENT, type StreamEnd, type StreamEvent } from '../eventStream';
import { appendThought, type Thought } from '../thoughts';
import type { HistoryMessage, TokenUsage } from './types';

export type TurnStatus = 'streaming' | 'complete' | 'stopped';

export interface UserMessage {
  id: string;
  role: 'user';
  content: string;
}

export interface AssistantMessage {
  id: string;
  role: 'assistant';
  content: string;
  thoughts: Thought[];
  status: TurnStatus;
  error: string | null;
  usage: TokenUsage | null;
}

export type CopilotMessage = UserMessage | AssistantMessage;

export interface ConversationState {
  messages: CopilotMessage[];
  /** The assistant message being streamed, if any. */
  activeId: string | null;
}

export type ConversationAction =
  | { type: 'reset' }
  | { type: 'history'; messages: HistoryMessage[] }
  | { type: 'start'; id: string; message: string }
  | { type: 'event'; id: string; event: StreamEvent }
  | ({ type: 'end'; id: string } & StreamEnd);

export const EMPTY_CONVERSATION: ConversationState = { messages: [], activeId: null };

function assistant(id: string, content: string, status: TurnStatus): AssistantMessage {
  return { id, role: 'assistant', content, thoughts: [], status, error: null, usage: null };
}

function usageOf(value: unknown): TokenUsage | null {
  const u = asRecord(value);
  const prompt = asCount(u.prompt_tokens);
  const completion = asCount(u.completion_tokens);
  return prompt === null && completion === null ? null : { prompt_tokens: prompt ?? 0, completion_tokens: completion ?? 0 };
}

/** How one stream event changes the answer being built; unknown events change nothing. */
function applyEvent(m: AssistantMessage, { event, data }: StreamEvent): AssistantMessage {
  const d = asRecord(data);
  switch (event) {
    case 'thought':
      return { ...m, thoughts: appendThought(m.thoughts, data, m.id) };
    case 'token':
      return { ...m, content: m.content + (asText(d.text) ?? '') };
    case 'response':
      if (d.success === false) return { ...m, error: asText(d.error) ?? asText(d.response) ?? 'The copilot could not answer.' };
      return { ...m, content: asText(d.response) ?? m.content, usage: usageOf(d.usage) ?? m.usage };
    case 'error':
      return { ...m, error: errorText(data, 'The copilot failed.') };
    case END_EVENT:
      return { ...m, status: 'complete' };
    default:
      return m;
  }
}

function endTurn(m: AssistantMessage, end: StreamEnd): AssistantMessage {
  const status: TurnStatus = end.outcome === 'stopped' ? 'stopped' : 'complete';
  return { ...m, status, error: end.outcome === 'failed' ? (end.error ?? 'The request failed.') : m.error };
}

function updateStreaming(state: ConversationState, id: string, change: (m: AssistantMessage) => AssistantMessage): ConversationState {
  const messages = state.messages.map((m) => (m.id === id && m.role === 'assistant' && m.status === 'streaming' ? change(m) : m));
  const target = messages.find((m) => m.id === id);
  const finished = target?.role === 'assistant' && target.status !== 'streaming';
  return { messages, activeId: finished && state.activeId === id ? null : state.activeId };
}

function isShown(m: HistoryMessage): boolean {
  return (m.role === 'user' || m.role === 'assistant') && typeof m.content === 'string';
}

/** The copilot conversation: loaded history, then turns built from the streamed events. */
export function conversationReducer(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case 'reset':
      return EMPTY_CONVERSATION;
    case 'history':
      if (state.messages.length > 0) return state;
      return {
        ...state,
        messages: action.messages.filter(isShown).map((m, i): CopilotMessage =>
          m.role === 'assistant' ? assistant(`history-${i}`, m.content, 'complete') : { id: `history-${i}`, role: 'user', content: m.content },
        ),
      };
    case 'start':
      return {
        messages: [...state.messages, { id: `${action.id}-question`, role: 'user', content: action.message }, assistant(action.id, '', 'streaming')],
        activeId: action.id,
      };
    case 'event':
      return updateStreaming(state, action.id, (m) => applyEvent(m, action.event));
    case 'end':
      return updateStreaming(state, action.id, (m) => endTurn(m, action));
  }
}
