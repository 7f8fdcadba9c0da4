// One type-only import types the five tags in every component.
import type {} from 'login-elements/svelte';
