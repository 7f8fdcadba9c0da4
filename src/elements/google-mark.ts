import type { MarkModule } from './mark-on-demand.js';

/**
 * Google's "G" in its four colours, never recoloured (https://developers.google.com/identity/branding-guidelines):
 * Google's own 48×48 drawing at half size, to 0.1. Loaded on demand (mark-on-demand.ts), which passes Lit's
 * `svg` tag: this chunk imports nothing, so Lit stays in the element's own chunk.
 */
export const mark: MarkModule['mark'] = (svg) => svg`<path fill="#ea4335" d="M12 4.8c1.8 0 3.4.6 4.6 1.8l3.4-3.4C17.9 1.2 15.2 0 12 0 7.3 0 3.3 2.7 1.3 6.6l4 3.1C6.2 6.9 8.9 4.8 12 4.8z"/><path fill="#4285f4" d="M23.5 12.3c0-.8-.1-1.5-.2-2.3H12v4.5h6.5c-.3 1.5-1.1 2.7-2.4 3.6l3.9 3c2.3-2.1 3.5-5.2 3.5-8.8z"/><path fill="#fbbc05" d="M5.3 14.3c-.2-.7-.4-1.5-.4-2.3s.1-1.6.4-2.3l-4-3.1C.5 8.2 0 10.1 0 12s.5 3.8 1.3 5.4z"/><path fill="#34a853" d="M12 24c3.2 0 6-1.1 7.9-2.9l-3.9-3c-1.1.7-2.5 1.1-4.1 1.1-3.1 0-5.8-2.1-6.7-5l-4 3.1C3.3 21.3 7.3 24 12 24z"/>`;
