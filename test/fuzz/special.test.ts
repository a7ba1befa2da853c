// The hand-written hostile inputs of the fuzzer (mutate.ts specialCases), one test each, with the
// checks of harness.ts: byte flips and invalid UTF-8, NUL bytes, brace and quote storms, 100k-char
// lines, 10,000-deep nesting, 100,000 statements on one line, self-referential definitions,
// big ~SEQ ranges, `@id` lines, includes of missing, self and cyclic files, and hostile globs
// (hostile-globs.ts). Built-in samples only: no corpus needed. A separate file from
// fuzz.test.ts so both use a core.
import { describe, expect, it } from 'vitest';
import { checkInput, DEFAULT_MAX_MS, MS_PER_WORD } from './harness.js';
import { specialCases } from './special-cases.js';
import { describeFailures } from './report.js';
import { SAMPLES } from './samples.js';

describe(`special fuzz cases (no throw, ranges inside the file, stable formatting, no call over ${DEFAULT_MAX_MS} ms + ${MS_PER_WORD * 1000} us per word)`, () => {
  for (const input of specialCases(SAMPLES[0].text)) {
    it(input.label.replace(/^special=/, ''), () => {
      expect(describeFailures(checkInput(input).failures)).toEqual([]);
    });
  }
});
