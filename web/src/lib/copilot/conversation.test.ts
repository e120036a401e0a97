import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../eventStream';
import { conversationReducer, EMPTY_CONVERSATION, type AssistantMessage, type ConversationAction, type ConversationState } from './conversation';

function play(actions: ConversationAction[], from: ConversationState = EMPTY_CONVERSATION): ConversationState {
  return actions.reduce(conversationReducer, from);
}

const ev = (event: string, data: unknown = null): ConversationAction => ({ type: 'event', id: 't1', event: { event, data } satisfies StreamEvent });
const start: ConversationAction = { type: 'start', id: 't1', message: 'Why did relevance drop?' };

function answer(state: ConversationState): AssistantMessage {
  const m = state.messages.find((x) => x.id === 't1');
  if (m?.role !== 'assistant') throw new Error('no answer');
  return m;
}

describe('conversationReducer', () => {
  it('adds the question and a streaming answer on start', () => {
    const state = play([start]);
    expect(state.activeId).toBe('t1');
    expect(state.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(state.messages[0]).toMatchObject({ content: 'Why did relevance drop?' });
    expect(answer(state)).toMatchObject({ content: '', status: 'streaming', thoughts: [], error: null });
  });

  it('collects thoughts with their colours, appends tokens, and lets the response replace the text', () => {
    const state = play([
      start,
      ev('thought', { id: 'a', type: 'planning', content: 'Plan the query', color: '#F59E0B', skill_name: 'sql' }),
      ev('thought', { type: 'observation', content: 'Found 3 rows', color: 'url(x)' }),
      ev('thought', { type: 'reasoning', content: '   ' }),
      ev('token', { text: 'Rele' }),
      ev('token', { text: 'vance ' }),
    ]);
    const m = answer(state);
    expect(m.content).toBe('Relevance ');
    expect(m.thoughts.map((t) => [t.id, t.type, t.color, t.skill_name])).toEqual([
      ['a', 'planning', '#F59E0B', 'sql'],
      ['t1-2', 'observation', '#06B6D4', null],
    ]);
    const done = play([ev('response', { success: true, response: '**Relevance** fell.', usage: { prompt_tokens: 10, completion_tokens: 4 } }), ev('done')], state);
    expect(answer(done)).toMatchObject({ content: '**Relevance** fell.', status: 'complete', usage: { prompt_tokens: 10, completion_tokens: 4 } });
    expect(done.activeId).toBeNull();
  });

  it('records error events and failed responses', () => {
    expect(answer(play([start, ev('error', { error: 'Rate limited' })])).error).toBe('Rate limited');
    expect(answer(play([start, ev('response', { success: false, error: 'No provider' })])).error).toBe('No provider');
  });

  it('marks a stopped turn and keeps its partial text', () => {
    const state = play([start, ev('token', { text: 'Partial' }), { type: 'end', id: 't1', outcome: 'stopped' }]);
    expect(answer(state)).toMatchObject({ content: 'Partial', status: 'stopped' });
    expect(state.activeId).toBeNull();
  });

  it('shows a failed request as an error and ignores events after the turn ended', () => {
    const state = play([start, { type: 'end', id: 't1', outcome: 'failed', error: 'HTTP 500' }, ev('token', { text: 'late' })]);
    expect(answer(state)).toMatchObject({ content: '', status: 'complete', error: 'HTTP 500' });
  });

  it('ignores the end of an older turn while a newer one streams', () => {
    const second: ConversationAction = { type: 'start', id: 't2', message: 'Next' };
    const state = play([start, second, { type: 'end', id: 't1', outcome: 'stopped' }]);
    expect(state.activeId).toBe('t2');
  });

  it('loads history only into an empty conversation, and reset empties it', () => {
    const history: ConversationAction = {
      type: 'history',
      messages: [
        { role: 'user', content: 'Hi', created_at: '2026-03-01T10:00:00' },
        { role: 'assistant', content: '# Hello', created_at: '2026-03-01T10:00:05' },
      ],
    };
    const loaded = play([history]);
    expect(loaded.messages).toEqual([
      { id: 'history-0', role: 'user', content: 'Hi' },
      { id: 'history-1', role: 'assistant', content: '# Hello', thoughts: [], status: 'complete', error: null, usage: null },
    ]);
    expect(play([start, history]).messages).toHaveLength(2);
    expect(play([{ type: 'reset' }], loaded)).toEqual(EMPTY_CONVERSATION);
  });
});
