import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LoginOutcome } from '@app/contracts';

/** Every login attempt, successful or not. `tenant_id` is null when the tenant slug was unknown. */
@Entity({ name: 'login_events' })
export class LoginEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId!: string | null;
  @Column({ name: 'tenant_slug', type: 'text' }) tenantSlug!: string;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!: string | null;
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text', nullable: true }) ip!: string | null;
  @Column({ name: 'user_agent', type: 'text', nullable: true }) userAgent!: string | null;
  @Column({ type: 'text' }) outcome!: LoginOutcome;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'timestamptz' }) at!: Date;
}
