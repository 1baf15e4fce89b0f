import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@app/common';
import { DomainError } from '@app/contracts';
import type { SystemConfig } from '../config';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts device keys at rest: AES-256-GCM under SECRETS_KEY, a fresh 96-bit IV per value, stored
 * as `v1:<iv>:<tag>:<ciphertext>` (base64). The authentication tag makes a wrong key or a tampered
 * value fail instead of decrypting to garbage.
 */
@Injectable()
export class SecretBox {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: Pick<SystemConfig, 'SECRETS_KEY'>) {
    this.key = Buffer.from(config.SECRETS_KEY, 'hex');
    if (this.key.length !== 32) throw new Error('SECRETS_KEY must be 32 bytes (64 hex characters)');
  }

  /** Encrypts `plain`; `context` (e.g. "meter:<id>:appKey") is bound as additional data, so a value cannot be moved to another field. */
  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const encrypted = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), encrypted.toString('base64')].join(':');
  }

  /** Decrypts a sealed value; a wrong SECRETS_KEY, another context or a changed value is INTERNAL, never garbage. */
  open(sealed: string, context: string): string {
    const [version, iv, tag, data] = sealed.split(':');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new DomainError('INTERNAL', 'Stored secret has an unknown format');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new DomainError('INTERNAL', 'Stored secret cannot be decrypted: SECRETS_KEY differs from the one it was encrypted with, or the value was altered');
    }
  }
}
