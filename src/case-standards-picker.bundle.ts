// Entry of dist/case-standards-picker.bundle.js: everything inlined, one <script type="module">.
export * from './index.js';
