import { css } from 'lit';

/**
 * For a mark drawn white on a `.tile` of the brand's colour (LINE's bubble, NAVER's "N"): in `filled`
 * the button is the brand's colour and the tile is clear; in `outline` and `neutral` the tile carries it
 * on the page's own background. The colour is the element's `--_brand`.
 */
export const tileMarkStyles = css`
  .tile {
    fill: transparent;
  }
  .outline .tile,
  .neutral .tile {
    fill: var(--_brand);
  }
`;
