import { readFileSync } from 'node:fs';
import { listCodecs } from '@app/codecs';
import { DOC_PATH, withTable } from './docs-table';

describe('docs/codecs.md', () => {
  const doc = readFileSync(DOC_PATH, 'utf8');

  it('lists every registered codec with its source (run `npm run -s codec:docs` after adding one)', () => {
    expect(doc).toBe(withTable(doc));
    for (const codec of listCodecs()) {
      expect(doc).toContain(`\`${codec.id}\``);
      expect(codec.sources.length).toBeGreaterThan(0);
    }
  });
});
