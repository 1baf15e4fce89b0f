import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ConsumerKind, ConsumerStatus } from '@app/contracts';

/** A consumer of a tenant: a household (residential) or a business (non-residential, with company fields). */
@Entity({ name: 'consumers' })
export class ConsumerEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ type: 'text' }) kind!: ConsumerKind;
  @Column({ name: 'account_number', type: 'text' }) accountNumber!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'tax_id', type: 'text', nullable: true }) taxId!: string | null;
  @Column({ name: 'registration_number', type: 'text', nullable: true }) registrationNumber!: string | null;
  @Column({ name: 'contact_person', type: 'text', nullable: true }) contactPerson!: string | null;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ name: 'postal_address', type: 'text', nullable: true }) postalAddress!: string | null;
  @Column({ type: 'text' }) status!: ConsumerStatus;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
