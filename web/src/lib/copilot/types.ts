export interface AiStatus {
  configured: boolean;
  model: string;
  /** The model the copilot actually calls (null when no provider is configured). */
  copilot_model?: string | null;
  providers: { openai: boolean; anthropic: boolean };
  features: Record<string, unknown>;
}

export interface HistoryMessage {
  role: 'user' | 'assistant';
  content: string;
  created_at?: string | null;
}

export interface HistoryResponse {
  session_id: string;
  messages: HistoryMessage[];
}

export interface CopilotRequest {
  message: string;
  session_id: string;
  dataset_id?: string;
}

export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
}
