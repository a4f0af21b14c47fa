// The README's Angular recipe, run for real (test/node/framework-recipes.test.mjs): a standalone
// component with CUSTOM_ELEMENTS_SCHEMA, compiled just in time in the page, without zone.js.
import '@angular/compiler';
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import '../../src/case-standards-picker.js';

@Component({
  selector: 'app-standards',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<case-standards-picker [endpoint]="endpoint" [framework]="framework" multiple no-cache
               (case-selection-change)="picked = $any($event).detail.value"></case-standards-picker>
             <output id="value">{{ picked.join(' ') }}</output>`,
})
class StandardsComponent {
  endpoint = '/ims/case/v1p0';
  framework = 'c6496676-d7cb-11e8-824f-0242ac160002';
  picked: string[] = [];
}

void bootstrapApplication(StandardsComponent, { providers: [provideZonelessChangeDetection()] });
