import type { HierarchyNodeView } from '@contracts/hierarchy';
import { FolderPlus, Move, Pencil } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { useCan } from '@/features/auth';
import { useMeters } from '../api/use-meters';
import { DetailList } from '../components/detail-list';
import { HistoryList } from '../components/history-list';
import { MeterStatusBadge } from '../components/meter-status-badge';
import { KIND_LABELS, UTILITY_LABELS, formatDateTime } from '../format';
import { CreateNodeForm, MoveNodeForm, RenameNodeForm, childKinds } from './node-forms';

const METERS_SHOWN = 10;

function NodeMeters({ node }: { node: HierarchyNodeView }) {
  const canDevices = useCan('devices:read');
  const meters = useMeters({ nodeId: node.id, limit: METERS_SHOWN }, canDevices);
  if (!canDevices) return null;
  return (
    <Card data-testid="node-meters">
      <CardHeader>
        <CardTitle>Meters at this node and below</CardTitle>
        <Link to={`/meters?node=${node.id}`} className="text-xs text-primary hover:underline">
          Open in the meter list
        </Link>
      </CardHeader>
      <CardContent>
        {meters.isPending ? (
          <p className="text-sm text-muted-foreground">Loading meters…</p>
        ) : meters.data?.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">No meters here.</p>
        ) : (
          <ul className="divide-y divide-border text-sm">
            {meters.data?.items.map((m) => (
              <li key={m.id} className="flex items-center justify-between gap-2 py-1.5">
                <Link to={`/meters/${m.id}`} className="font-mono text-primary hover:underline">
                  {m.serial}
                </Link>
                <span className="flex items-center gap-2 text-xs text-muted-foreground">
                  {UTILITY_LABELS[m.utility]} <MeterStatusBadge status={m.status} />
                </span>
              </li>
            ))}
            {meters.data?.nextCursor && <li className="pt-2 text-xs text-muted-foreground">More in the meter list…</li>}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

type Editing = 'child' | 'rename' | 'move' | undefined;

/** The selected node: its fields, what may be done to it, its meters and its history. */
export function NodePanel({ node, parent, onCreated }: { node: HierarchyNodeView; parent: HierarchyNodeView | undefined; onCreated: (node: HierarchyNodeView) => void }) {
  const canWrite = useCan('hierarchy:write');
  const [editing, setEditing] = useState<Editing>();
  const done = () => setEditing(undefined);
  return (
    <div className="space-y-4" data-testid="node-panel">
      <Card>
        <CardHeader>
          <div>
            <CardTitle className="text-base">{node.name}</CardTitle>
            <p className="text-xs text-muted-foreground">{KIND_LABELS[node.kind]}</p>
          </div>
          {canWrite && (
            <div className="flex flex-wrap gap-1">
              {childKinds(node).length > 0 && (
                <Button size="sm" variant="outline" onClick={() => setEditing('child')} data-testid="node-add-child">
                  <FolderPlus aria-hidden /> Add child
                </Button>
              )}
              <Button size="sm" variant="outline" onClick={() => setEditing('rename')} data-testid="node-rename">
                <Pencil aria-hidden /> Rename
              </Button>
              <Button size="sm" variant="outline" onClick={() => setEditing('move')} data-testid="node-move">
                <Move aria-hidden /> Move
              </Button>
            </div>
          )}
        </CardHeader>
        <CardContent className="space-y-4">
          <DetailList
            items={[
              ['Code', node.code ?? '—'],
              ['Parent', parent ? parent.name : '(root)'],
              ['Depth', node.depth],
              ['Created', formatDateTime(node.createdAt)],
              ['Last changed', formatDateTime(node.updatedAt)],
            ]}
          />
          {editing === 'child' && (
            <CreateNodeForm
              parent={node}
              onDone={(created) => {
                done();
                if (created) onCreated(created);
              }}
            />
          )}
          {editing === 'rename' && <RenameNodeForm key={node.id} node={node} onDone={done} />}
          {editing === 'move' && <MoveNodeForm key={node.id} node={node} onDone={done} />}
        </CardContent>
      </Card>
      <NodeMeters node={node} />
      <HistoryList key={node.id} entityType="hierarchy_node" entityId={node.id} />
    </div>
  );
}
