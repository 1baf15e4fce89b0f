import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { HierarchyKind } from '@app/contracts';

/** A node of a tenant's hierarchy; `path` is "/<root id>/.../<own id>/". */
@Entity({ name: 'hierarchy_nodes' })
export class HierarchyNodeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  @Column({ type: 'text' }) kind!: HierarchyKind;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) code!: string | null;
  @Column({ type: 'text' }) path!: string;
  @Column({ type: 'integer' }) depth!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
