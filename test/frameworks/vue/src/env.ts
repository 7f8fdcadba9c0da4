// One type-only import types the five tags in every template.
import type {} from 'login-elements/vue';
