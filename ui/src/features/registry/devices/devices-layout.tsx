import { Navigate, Outlet } from 'react-router-dom';
import { PageHeader } from '@/app/page-header';
import { PermissionGate } from '../components/permission-gate';
import { SectionTabs } from '../components/section-tabs';

const TABS = [
  { path: 'gateways', label: 'Gateways' },
  { path: 'pulse-modules', label: 'Pulse modules' },
] as const;

/** `/devices`: gateways (data concentrators) and pulse modules of the tenant. Meters have their own section. */
export function DevicesLayout() {
  return (
    <>
      <PageHeader title="Devices" description="Gateways and data concentrators, and pulse modules counting the output of mechanical meters." />
      <PermissionGate permission="devices:read" what="devices">
        <SectionTabs label="Devices" tabs={TABS} testIdPrefix="devices-tab" />
        <Outlet />
      </PermissionGate>
    </>
  );
}

export function DevicesIndex() {
  return <Navigate to="gateways" replace />;
}
