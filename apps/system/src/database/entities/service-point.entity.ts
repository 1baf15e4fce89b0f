import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ServicePointStatus, Utility } from '@app/contracts';

/** A point of supply of one utility at a hierarchy node (object, building), held by a consumer or vacant. */
@Entity({ name: 'service_points' })
export class ServicePointEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ name: 'consumer_id', type: 'uuid', nullable: true }) consumerId!: string | null;
  @Column({ name: 'node_id', type: 'uuid', nullable: true }) nodeId!: string | null;
  @Column({ type: 'text' }) utility!: Utility;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text' }) status!: ServicePointStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
