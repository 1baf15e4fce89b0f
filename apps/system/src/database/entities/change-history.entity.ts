import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { HistoryAction, HistoryActorKind, HistoryEntityType } from '@app/contracts';

/** One recorded change of a registry component (written in the transaction of the change). */
@Entity({ name: 'change_history' })
export class ChangeHistoryEntity {
  /** bigint identity: its order is the order of the changes (and the listing's cursor). */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ name: 'entity_type', type: 'text' }) entityType!: HistoryEntityType;
  @Column({ name: 'entity_id', type: 'uuid' }) entityId!: string;
  @Column({ type: 'text' }) action!: HistoryAction;
  @Column({ name: 'actor_kind', type: 'text' }) actorKind!: HistoryActorKind;
  @Column({ name: 'actor_id', type: 'text', nullable: true }) actorId!: string | null;
  @Column({ type: 'text', nullable: true }) ip!: string | null;
  @Column({ name: 'correlation_id', type: 'text', nullable: true }) correlationId!: string | null;
  /** A `FieldDiff`; typed loosely here so TypeORM's deep partial types stay finite. */
  @Column({ type: 'jsonb' }) changes!: Record<string, { from: unknown; to: unknown }>;
  @Column({ type: 'timestamptz' }) at!: Date;
}
