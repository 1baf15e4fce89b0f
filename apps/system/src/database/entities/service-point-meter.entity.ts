import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A meter serving a service point from `validFrom` until `validTo` (null: still serving). */
@Entity({ name: 'service_point_meters' })
export class ServicePointMeterEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ name: 'service_point_id', type: 'uuid' }) servicePointId!: string;
  @Column({ name: 'meter_id', type: 'uuid' }) meterId!: string;
  @Column({ name: 'valid_from', type: 'timestamptz' }) validFrom!: Date;
  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true }) validTo!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
