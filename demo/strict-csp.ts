import '../src/case-standards-picker.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', e => {
  violations.push(`${e.violatedDirective} ${e.blockedURI}`);
  document.querySelector('#violations')!.textContent = `CSP violations: ${violations.join('; ')}`;
});
const picker = document.querySelector('case-standards-picker')!;
picker.endpoint = new URL('/ims/case/v1p0', location.href).href;
