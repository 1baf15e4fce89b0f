import { ERROR_CODES } from '@app/contracts';
import { errorCodeOfHttpStatus, httpStatusOf } from './http-status';

describe('httpStatusOf', () => {
  it('maps every code to a 4xx or 5xx status', () => {
    for (const code of ERROR_CODES) {
      const status = httpStatusOf(code);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
  });

  it('round-trips the statuses the framework raises', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 429, 503, 504]) {
      expect(httpStatusOf(errorCodeOfHttpStatus(status))).toBe(status);
    }
    expect(errorCodeOfHttpStatus(422)).toBe('VALIDATION_FAILED');
    expect(errorCodeOfHttpStatus(418)).toBe('INTERNAL');
  });
});
