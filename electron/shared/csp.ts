/**
 * The Content-Security-Policy of every page of the app, served by Electron's app:// protocol and by
 * the HTTP host alike. Imports are hostile: even if one slipped past the text-only importers,
 * nothing remote or inline runs, and no other page may frame ours.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The policy a report (an HTML file the analyst hands on) carries in a meta tag: its own inline
 * styles, nothing else; no script, and nothing loads from anywhere.
 */
export const REPORT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
