import type { Branding, Features, Palette } from './types';

export const DEFAULT_PALETTE_ID = 'professional_blue';

export const DEFAULT_PALETTE: Palette = {
  name: 'Professional Blue',
  primary: '#3D5A80',
  primaryLight: '#5C7AA3',
  primaryDark: '#2B3C73',
  primarySoft: '#8BA4C4',
  primaryPale: '#C5D4E8',
  accentGold: '#D4AF37',
  accentSilver: '#B8C5D3',
  heroImage: null,
  logoUrl: null,
  faviconUrl: null,
  appIconUrl: null,
  heroContrast: 1,
  heroSaturation: 1,
  heroBrightness: 1,
  heroOpacity: 1,
  heroMode: 'dark',
  shimmerFrom: null,
  shimmerTo: null,
};

export const DEFAULT_BRANDING: Branding = {
  app_name: 'AXIS',
  tagline: 'AI Evaluation Platform',
  subtitle: 'Evaluate, monitor and improve AI agents with evidence.',
  description: '',
  report_footer: '',
  docs_url: '',
  footer_name: '',
  footer_icon: '',
};

export const DEFAULT_FEATURES: Features = {
  eval_runner_enabled: true,
  copilot_enabled: true,
};

export const FIXED_COLORS = {
  textPrimary: '#2C3E50',
  textSecondary: '#34495E',
  textMuted: '#7F8C8D',
  success: '#27AE60',
  warning: '#F39C12',
  error: '#E74C3C',
  background: '#FAFBFC',
  border: '#E1E5EA',
} as const;
