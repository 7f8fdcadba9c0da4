// @vitest-environment node
// Every browser entry imports without a DOM (Node, SSR prerendering); the callback module does nothing there.
import { describe, expect, it } from 'vitest';

describe('without a DOM', () => {
  it('login-elements/callback (source and built) imports as a no-op', async () => {
    expect(typeof document).toBe('undefined');
    await expect(import('../../src/callback.js')).resolves.toBeDefined();
    await expect(import('../../dist/callback.js' as string)).resolves.toBeDefined();
  });

  it('login-elements/core imports and its checks need no document until a flow starts', async () => {
    const core = await import('../../src/core.js');
    expect(typeof core.startLogin).toBe('function');
  });

  it('login-elements/chooser imports without a document', async () => {
    const { LoginChooser } = await import('../../src/elements/login-chooser.js');
    expect(typeof LoginChooser).toBe('function');
  });

  it('login-elements/session and the session watch in core import without a document, and touch none until they run', async () => {
    const { LoginSession } = await import('../../src/elements/login-session.js');
    expect(typeof LoginSession).toBe('function');
    const core = await import('../../src/core.js');
    const watch = core.watchSession('/auth', () => {});
    expect(typeof watch.listen).toBe('function');
  });
});
