import type { Request } from 'express';
import { credentialOf } from './credentials';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as Request;
const KEY = `ohk_Ab3dEf9h_${'x'.repeat(43)}`;

describe('credentialOf', () => {
  it('reads a bearer access token', () => {
    expect(credentialOf(request({ authorization: 'Bearer eyJhbGciOi.x.y' }))).toEqual({ kind: 'access_token', token: 'eyJhbGciOi.x.y' });
    expect(credentialOf(request({ authorization: 'bearer   abc ' }))).toEqual({ kind: 'access_token', token: 'abc' });
  });

  it('reads an API key from Authorization or X-API-Key', () => {
    expect(credentialOf(request({ authorization: `Bearer ${KEY}` }))).toEqual({ kind: 'api_key', key: KEY });
    expect(credentialOf(request({ 'x-api-key': KEY }))).toEqual({ kind: 'api_key', key: KEY });
    expect(credentialOf(request({ 'x-api-key': KEY, authorization: `Bearer ${KEY}` }))).toEqual({ kind: 'api_key', key: KEY });
  });

  it('finds nothing without credentials', () => {
    expect(credentialOf(request({}))).toBeUndefined();
    expect(credentialOf(request({ 'x-api-key': '  ' }))).toBeUndefined();
  });

  it('refuses other schemes and two different credentials', () => {
    expect(() => credentialOf(request({ authorization: 'Basic dXNlcjpwYXNz' }))).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => credentialOf(request({ authorization: 'Bearer a.b.c', 'x-api-key': KEY }))).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});
