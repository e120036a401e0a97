import type { Config } from 'tailwindcss';

const themed = (name: string) => `rgb(var(--${name}-rgb) / <alpha-value>)`;

// The muted grey #7F8C8D is 3.5:1 on white and the status colours 2.2–3.8:1, under AA for text.
const TEXT_SHADES = {
  ink: { DEFAULT: '#2C3E50', secondary: '#34495E', muted: '#5F6B6D' },
  success: '#1D7A43',
  warning: '#9A5B00',
  error: '#C0392B',
};

export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        primary: {
          DEFAULT: themed('primary'),
          light: themed('primary-light'),
          dark: themed('primary-dark'),
          soft: themed('primary-soft'),
          pale: themed('primary-pale'),
        },
        accent: {
          gold: themed('accent-gold'),
          silver: themed('accent-silver'),
        },
        ink: {
          DEFAULT: '#2C3E50',
          secondary: '#34495E',
          muted: '#7F8C8D',
        },
        success: '#27AE60',
        warning: '#F39C12',
        error: '#E74C3C',
        canvas: '#FAFBFC',
        line: '#E1E5EA',
      },
      borderColor: {
        DEFAULT: '#E1E5EA',
      },
      // Text and solid fills in shades of the fixed colours that reach WCAG AA (4.5:1) on white,
      // the canvas and the pale tints; borders, rings, tints and charts keep the spec's values.
      textColor: TEXT_SHADES,
      backgroundColor: {
        success: TEXT_SHADES.success,
        error: TEXT_SHADES.error,
      },
      fontFamily: {
        sans: [
          'Inter',
          'ui-sans-serif',
          'system-ui',
          '-apple-system',
          'Segoe UI',
          'Roboto',
          'Helvetica Neue',
          'Arial',
          'sans-serif',
        ],
        mono: [
          '"JetBrains Mono"',
          'ui-monospace',
          'SFMono-Regular',
          'Menlo',
          'Consolas',
          'Liberation Mono',
          'monospace',
        ],
      },
      width: {
        sidebar: '240px',
        'sidebar-collapsed': '80px',
        copilot: '384px',
      },
      boxShadow: {
        card: '0 1px 2px rgba(44, 62, 80, 0.04), 0 1px 3px rgba(44, 62, 80, 0.06)',
        lift: '0 4px 12px rgba(44, 62, 80, 0.08)',
      },
    },
  },
  plugins: [],
} satisfies Config;
