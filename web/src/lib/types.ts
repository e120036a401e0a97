import type { Reply } from '../api/replies';

/** A palette as the UI uses it: the server's, completed with the built-in defaults. */
export interface Palette {
  name: string;
  primary: string;
  primaryLight: string;
  primaryDark: string;
  primarySoft: string;
  primaryPale: string;
  accentGold: string;
  accentSilver: string;
  heroImage?: string | null;
  logoUrl?: string | null;
  faviconUrl?: string | null;
  appIconUrl?: string | null;
  heroContrast?: number | null;
  heroSaturation?: number | null;
  heroBrightness?: number | null;
  heroOpacity?: number | null;
  heroMode?: string | null;
  shimmerFrom?: string | null;
  shimmerTo?: string | null;
}

export interface Branding {
  app_name: string;
  tagline: string;
  subtitle: string;
  description: string;
  report_footer: string;
  docs_url: string;
  footer_name: string;
  footer_icon: string;
}

// Reply types: generated from the server's reply schemas (src/api/replies.ts).
export type ThemeResponse = Reply<'ThemeReply'>;
export type Features = Reply<'FeaturesReply'>;
export type PluginNavItem = Reply<'PluginNavItem'>;
export type PluginInfo = Reply<'Plugin'>;
export type PluginsResponse = Reply<'PluginsReply'>;
export type Agent = Reply<'Agent'>;
export type AgentsResponse = Reply<'AgentsReply'>;
export type SourceHealth = Reply<'SourceHealth'>;
export type HealthResponse = Reply<'HealthReply'>;
export type StoreInfo = Reply<'RuntimeStore'>;
export type RuntimeResponse = Reply<'RuntimeReply'>;
