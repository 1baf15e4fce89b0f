import { DomainError } from '@app/contracts';
import { assertPasswordAcceptable, passwordProblems } from './password-policy';

describe('password rules', () => {
  it.each(['OpenHES-demo-2025!', 'correct Horse 42 battery', 'Tr0ub4dor&3xyz', 'meter-Reading-77'])('accepts %s', (password) => {
    expect(passwordProblems(password, { email: 'ann@example.com' })).toEqual([]);
  });

  it('needs at least 12 characters', () => {
    expect(passwordProblems('Ab1!Ab1!Ab1')).toEqual([expect.stringMatching(/at least 12 characters/)]);
    expect(passwordProblems('Ab1!Ab1!Ab1!')).toEqual([]);
  });

  it('refuses absurdly long passwords', () => {
    expect(passwordProblems(`Aa1!${'x'.repeat(200)}`)).toContainEqual(expect.stringMatching(/at most 128/));
  });

  it('needs three of four character classes', () => {
    expect(passwordProblems('alllowercaseletters')).toEqual([expect.stringMatching(/at least 3 of/)]);
    expect(passwordProblems('lowerUPPERonlyhere')).toEqual([expect.stringMatching(/at least 3 of/)]);
    expect(passwordProblems('lower and 12345 digits')).toEqual([]); // lower, digits, symbols (space)
    expect(passwordProblems('lowerUPPER12345')).toEqual([]);
  });

  it('refuses the email address and its local part', () => {
    const context = { email: 'Long.Name-Operator@Utility.example' };
    expect(passwordProblems('long.name-operator@utility.example', context)).toContainEqual('must not be the email address');
    expect(passwordProblems('Long.Name-Operator', context)).toContainEqual('must not be the email address');
  });

  it('refuses the display name', () => {
    expect(passwordProblems('Anna Operator-1', { displayName: 'anna operator-1' })).toContainEqual('must not be the display name');
  });

  it.each(['Password123!', 'P@ssw0rd2024!', 'Qwerty123456!', 'Welcome2025!!', 'Administrator1!', 'password1234', '1q2w3e4r5t6y', 'Letmein!2345'])(
    'refuses the common %s',
    (password) => {
      expect(passwordProblems(password)).toContainEqual(expect.stringMatching(/too common/));
    },
  );

  it('throws VALIDATION_FAILED naming the field', () => {
    let caught: unknown;
    try {
      assertPasswordAcceptable('newPassword', 'short');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const error = caught as DomainError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^Invalid request: newPassword must be at least 12/);
    expect(error.fields?.every((f) => f.field === 'newPassword')).toBe(true);
    expect(error.fields?.length).toBeGreaterThanOrEqual(2);
    expect(() => assertPasswordAcceptable('password', 'OpenHES-demo-2025!')).not.toThrow();
  });
});
