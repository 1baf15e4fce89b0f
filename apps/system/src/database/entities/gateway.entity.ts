import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GatewayStatus } from '@app/contracts';

/** A gateway or data concentrator of a tenant (EUI unique per tenant). */
@Entity({ name: 'gateways' })
export class GatewayEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ type: 'text' }) eui!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) model!: string | null;
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Column({ name: 'node_id', type: 'uuid', nullable: true }) nodeId!: string | null;
  /** Free-form JSON; typed loosely so TypeORM's deep partial types stay finite. */
  @Column({ type: 'jsonb' }) configuration!: Record<string, unknown>;
  @Column({ type: 'text' }) status!: GatewayStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
