// `case-standards-picker/react`: a typed React component for <case-standards-picker>, made with
// @lit/react. Props set the element's properties; `on…` props receive its events.
//
//   import { CaseStandardsPicker } from 'case-standards-picker/react';
//   <CaseStandardsPicker endpoint="/ims/case/v1p0" multiple onSelectionChange={e => save(e.detail.value)} />
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type { CaseErrorEvent, CaseFrameworkLoadEvent, CaseSelectionChangeEvent } from './events.js';
import { CaseStandardsPicker as CaseStandardsPickerElement, defineCaseStandardsPicker } from './case-standards-picker.js';

// Explicit, so bundlers that drop side-effect-only imports still register the element.
defineCaseStandardsPicker();

export const CaseStandardsPicker = createComponent({
  tagName: 'case-standards-picker',
  elementClass: CaseStandardsPickerElement,
  react: React,
  events: {
    onSelectionChange: 'case-selection-change' as EventName<CaseSelectionChangeEvent>,
    onFrameworkLoad: 'case-framework-load' as EventName<CaseFrameworkLoadEvent>,
    onCaseError: 'case-error' as EventName<CaseErrorEvent>,
    onChange: 'change' as EventName<Event>,
  },
  displayName: 'CaseStandardsPicker',
});

export type { SelectedItem, SelectionChangeDetail, FrameworkLoadDetail, CaseErrorDetail } from './events.js';
