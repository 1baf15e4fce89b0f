import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A pulse module: counts pulses of a meter's output, each worth `pulse_weight` of `unit`. */
@Entity({ name: 'pulse_modules' })
export class PulseModuleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ type: 'text' }) serial!: string;
  @Column({ name: 'meter_id', type: 'uuid', nullable: true }) meterId!: string | null;
  @Column({ name: 'pulse_weight', type: 'numeric' }) pulseWeight!: string;
  @Column({ type: 'text' }) unit!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
