// The README's Vue 3 recipe, run for real (test/node/framework-recipes.test.mjs): the same
// template, compiled by Vue in the page, with the tag declared as a custom element.
import { createApp, ref } from 'vue';
import '../../src/case-standards-picker.js';

const CCSS = 'c6496676-d7cb-11e8-824f-0242ac160002';

const app = createApp({
  setup() {
    const standards = ref('');
    return { standards, framework: CCSS };
  },
  template: `
    <!-- v-model through the value property and the native change event -->
    <case-standards-picker
      endpoint="/ims/case/v1p0"
      multiple
      no-cache
      :framework="framework"
      :value="standards"
      @change="standards = $event.target.value"
    />
    <output id="value">{{ standards }}</output>
    <button id="clear" @click="standards = ''">Clear</button>`,
});
app.config.compilerOptions.isCustomElement = tag => tag === 'case-standards-picker';
app.mount('#root');
