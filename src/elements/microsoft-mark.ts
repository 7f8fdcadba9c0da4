import type { MarkModule } from './mark-on-demand.js';

/**
 * Microsoft's logo: four squares in its four colours, never recoloured
 * (https://learn.microsoft.com/entra/identity-platform/howto-add-branding-in-apps).
 * Loaded on demand (mark-on-demand.ts), handed Lit's `svg` tag: this chunk imports nothing.
 */
export const mark: MarkModule['mark'] = (svg) =>
  svg`<path fill="#f25022" d="M2 2h9.5v9.5H2z"/><path fill="#7fba00" d="M12.5 2H22v9.5h-9.5z"/><path fill="#00a4ef" d="M2 12.5h9.5V22H2z"/><path fill="#ffb900" d="M12.5 12.5H22V22h-9.5z"/>`;
