// A React page using the `case-standards-picker/react` wrapper, for test/node/react.test.mjs.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CaseStandardsPicker } from '../../src/react.js';

declare global {
  interface Window {
    reactEvents: { type: string; detail: unknown }[];
  }
}
window.reactEvents = [];

function App() {
  const [value, setValue] = useState<string[]>([]);
  const params = new URLSearchParams(location.search);
  return (
    <main>
      <output id="value">{value.join(' ')}</output>
      <CaseStandardsPicker
        endpoint={params.get('endpoint')!}
        framework={params.get('framework')!}
        multiple
        noCache
        max={3}
        onFrameworkLoad={e => window.reactEvents.push({ type: 'load', detail: e.detail })}
        onSelectionChange={e => {
          window.reactEvents.push({ type: 'selection', detail: e.detail.value });
          setValue(e.detail.value);
        }}
        onCaseError={e => window.reactEvents.push({ type: 'error', detail: e.detail })}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
