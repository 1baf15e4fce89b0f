import { assertNotIntoOwnSubtree, assertParentKindAllowed } from './hierarchy-rules';

describe('hierarchy rules', () => {
  it('allows the kinds of the territory and of the electricity network in their places', () => {
    expect(() => assertParentKindAllowed('region', null)).not.toThrow();
    expect(() => assertParentKindAllowed('district', 'region')).not.toThrow();
    expect(() => assertParentKindAllowed('building', 'locality')).not.toThrow();
    expect(() => assertParentKindAllowed('feeder', 'substation')).not.toThrow();
    expect(() => assertParentKindAllowed('transformer', 'feeder')).not.toThrow();
  });

  it('refuses a kind in the wrong place as VALIDATION_FAILED on parentId', () => {
    expect(() => assertParentKindAllowed('district', null)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'parentId' })] }));
    expect(() => assertParentKindAllowed('region', 'district')).toThrow(/cannot be placed under a district/);
    expect(() => assertParentKindAllowed('transformer', 'substation')).toThrow(/transformer/);
  });

  it('refuses a move under the node itself or its descendant', () => {
    expect(() => assertNotIntoOwnSubtree('/a/b/', '/a/b/')).toThrow(/own descendant/);
    expect(() => assertNotIntoOwnSubtree('/a/b/', '/a/b/c/')).toThrow();
    expect(() => assertNotIntoOwnSubtree('/a/b/', '/a/')).not.toThrow();
    expect(() => assertNotIntoOwnSubtree('/a/b/', '/a/bc/')).not.toThrow();
  });
});
