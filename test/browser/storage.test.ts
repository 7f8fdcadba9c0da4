import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import type { OauthLogin } from '../../src/elements/oauth-login.js';
import type { LoginErrorDetail, LoginResultDetail } from '../../src/core/types.js';
import { readEnvironment } from '../../src/index.js';
import { AUTHORIZE, CALLBACK, EXCHANGE, fixture, oneEvent, popupsPerTest, realClick, recordEvents } from './helpers.js';

// sessionStorage that throws on write (a full or zero-quota store, as some locked-down webviews have):
// redirect mode cannot keep its transaction and says so at once; popup mode needs no storage.
const login = (mode: string) =>
  fixture<OauthLogin>('oauth-login', {
    'client-id': 'test-client',
    'redirect-uri': CALLBACK,
    'authorize-endpoint': AUTHORIZE,
    'exchange-endpoint': EXCHANGE,
    provider: 'corp',
    mode,
  });

const popups = popupsPerTest();

describe('sessionStorage.setItem throws', () => {
  const setItem = Storage.prototype.setItem;
  beforeEach(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  afterEach(() => {
    Storage.prototype.setItem = setItem;
  });

  it('readEnvironment() says storage: false', () => {
    expect(readEnvironment()).to.include({ storage: false, framed: false, standalone: false, inApp: null });
  });

  it('redirect mode ends at once with storage_unavailable: nothing navigated, no window, the button usable', async () => {
    const el = await login('redirect');
    const events = recordEvents(el);
    const error = oneEvent<LoginErrorDetail>(el, 'login-error', 1000);
    const href = location.href;
    el.click();
    expect((await error).detail).to.deep.include({ provider: 'corp', mode: 'redirect', error: 'storage_unavailable' });
    expect(el.busy).to.equal(false);
    // The flow ended before anything that navigates was scheduled (flow.ts returns once settled).
    expect(location.href).to.equal(href);
    expect(popups.opened).to.have.length(0);
    expect(events.map((e) => e.type)).to.deep.equal(['login-start', 'login-error']);
  });

  it('auto mode with the popup blocked (a synthetic click) would redirect: storage_unavailable instead', async () => {
    const el = await login('auto');
    const error = oneEvent<LoginErrorDetail>(el, 'login-error', 1000);
    el.click();
    expect((await error).detail).to.deep.include({ mode: 'redirect', error: 'storage_unavailable' });
  });

  it('popup mode still completes (real click)', async () => {
    const el = await login('popup');
    const success = oneEvent<LoginResultDetail>(el, 'login-success');
    await realClick(el);
    const { detail } = await success;
    expect(detail.mode).to.equal('popup');
    expect((detail.result as { user: { id: string } }).user.id).to.equal('user-42');
  });
});
