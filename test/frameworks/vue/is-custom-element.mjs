// docs/frameworks.md's Vue set-up: with isCustomElement the compiler leaves the tags to the browser; without it,
// it looks them up as Vue components (and warns "Failed to resolve component" at run time).
import { compileTemplate } from '@vue/compiler-sfc';

const source = '<bbaton-login client-id="id" redirect-uri="/cb" :params="{ prompt: \'login\' }" @login-start="onStart" />';
const compile = (compilerOptions) => compileTemplate({ source, filename: 'Login.vue', id: 'login', compilerOptions }).code;
const withOption = compile({ isCustomElement: (tag) => tag.endsWith('-login') });
const without = compile({});
console.log(JSON.stringify({ resolvedWith: withOption.includes('resolveComponent'), resolvedWithout: without.includes('resolveComponent("bbaton-login")') }));
