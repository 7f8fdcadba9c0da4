import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import 'login-elements/bbaton';
import type { LoginStartDetail } from 'login-elements/bbaton';

/** docs/frameworks.md's Angular use: CUSTOM_ELEMENTS_SCHEMA, a property binding and an event binding. */
@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <bbaton-login client-id="angular-client" redirect-uri="/callback.html" authorize-endpoint="/authorize" mode="popup" [params]="params" (login-start)="started($event)"></bbaton-login>
    <p id="log">{{ log() }}</p>
  `,
})
export class App {
  params = { prompt: 'login', app_marker: 'angular' };
  log = signal('');
  started(event: Event) {
    this.log.set(`start ${(event as CustomEvent<LoginStartDetail>).detail.provider}`);
  }
}
