import * as card from './session-card.js';

/** The classic CDN file's card (see card-on-demand.ts): inline, nothing to load. */
export const loadCard = async () => card;
