import type { Reply } from '../../api/replies';

// Reply types: generated from the server's reply schemas (src/api/replies.ts).
export type AiStatus = Reply<'AiStatusReply'>;
export type HistoryMessage = Reply<'CopilotMessage'>;
export type HistoryResponse = Reply<'CopilotHistoryReply'>;

// Requests and stream events.
export interface CopilotRequest {
  message: string;
  session_id: string;
  dataset_id?: string;
}

export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
}
