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

export interface ThemeResponse {
  success?: boolean;
  active?: string;
  activePalette?: Partial<Palette>;
  palettes?: Record<string, Partial<Palette>>;
  branding?: Partial<Branding>;
}

export interface Features {
  eval_runner_enabled: boolean;
  copilot_enabled: boolean;
}

export interface PluginNavItem {
  name: string;
  href: string;
  icon?: string | null;
  section?: string | null;
  order?: number | null;
}

export interface PluginInfo {
  name: string;
  version?: string;
  api_version?: number | string;
  description?: string;
  nav?: PluginNavItem[] | null;
  enabled?: boolean;
  error?: string | null;
}

export interface PluginsResponse {
  plugins?: PluginInfo[];
}

export interface Agent {
  name: string;
  label?: string | null;
  role?: string | null;
  avatar?: string | null;
  description?: string | null;
  biography?: string | null;
  active?: boolean;
  trace_names?: string[] | null;
}

export interface AgentsResponse {
  success?: boolean;
  agents?: Agent[];
}

export interface SourceHealth {
  status?: string;
  detail?: string;
  [key: string]: unknown;
}

export interface HealthResponse {
  status?: string;
  version?: string;
  components?: Record<string, string>;
  sources?: Record<string, SourceHealth>;
  store?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface StoreInfo {
  enabled?: boolean;
  path?: string;
  size_bytes?: number;
  open?: boolean;
  writable?: boolean;
  duckdb_version?: string;
  tables?: unknown[];
  [key: string]: unknown;
}

export interface RuntimeResponse {
  version?: string;
  uptime_seconds?: number;
  server?: Record<string, unknown>;
  store?: StoreInfo;
  config?: Record<string, unknown>;
  [key: string]: unknown;
}
