import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MeterStatus, ProvisioningState, Utility } from '@app/contracts';

/** A meter of a tenant. Keys are AES-256-GCM ciphertext (`*_enc`); numerics are exact decimal text. */
@Entity({ name: 'meters' })
export class MeterEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ type: 'text' }) serial!: string;
  @Column({ type: 'text' }) vendor!: string;
  @Column({ type: 'text', nullable: true }) model!: string | null;
  @Column({ type: 'text' }) utility!: Utility;
  @Column({ name: 'codec_id', type: 'text', nullable: true }) codecId!: string | null;
  @Column({ name: 'node_id', type: 'uuid', nullable: true }) nodeId!: string | null;
  @Column({ type: 'text' }) status!: MeterStatus;
  @Column({ name: 'dev_eui', type: 'text', nullable: true }) devEui!: string | null;
  @Column({ name: 'join_eui', type: 'text', nullable: true }) joinEui!: string | null;
  @Column({ name: 'app_key_enc', type: 'text', nullable: true }) appKeyEnc!: string | null;
  @Column({ name: 'wmbus_manufacturer', type: 'text', nullable: true }) wmbusManufacturer!: string | null;
  @Column({ name: 'wmbus_id', type: 'text', nullable: true }) wmbusId!: string | null;
  @Column({ name: 'aes_key_enc', type: 'text', nullable: true }) aesKeyEnc!: string | null;
  @Column({ type: 'numeric' }) multiplier!: string;
  @Column({ name: 'register_unit', type: 'text', nullable: true }) registerUnit!: string | null;
  @Column({ name: 'installed_at', type: 'timestamptz', nullable: true }) installedAt!: Date | null;
  @Column({ name: 'install_index', type: 'numeric', nullable: true }) installIndex!: string | null;
  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true }) removedAt!: Date | null;
  @Column({ name: 'final_index', type: 'numeric', nullable: true }) finalIndex!: string | null;
  @Column({ name: 'replaced_by_id', type: 'uuid', nullable: true }) replacedById!: string | null;
  @Column({ name: 'replaces_id', type: 'uuid', nullable: true }) replacesId!: string | null;
  /** ChirpStack provisioning of the LoRaWAN device: state, ChirpStack's last error, when the last attempt ended. */
  @Column({ name: 'provisioning_state', type: 'text', default: 'not_configured' }) provisioningState!: ProvisioningState;
  @Column({ name: 'provisioning_error', type: 'text', nullable: true }) provisioningError!: string | null;
  @Column({ name: 'provisioning_at', type: 'timestamptz', nullable: true }) provisioningAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
