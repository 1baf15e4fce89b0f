import { useEffect, useState } from 'react';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { PERIODS, type DataQualityParams, type PeriodKey } from '../api/use-data-quality-params';

const EUI = /^[0-9a-fA-F]{16}$/;

/** Code, device and period. The device is applied once it is a whole devEui (16 hex digits) or cleared. */
export function DeadLetterFilters({ state, codes, onChange }: { state: DataQualityParams; codes: string[]; onChange: (change: Partial<Pick<DataQualityParams, 'code' | 'devEui' | 'period'>>) => void }) {
  const [device, setDevice] = useState(state.devEui);
  useEffect(() => setDevice(state.devEui), [state.devEui]);
  const deviceInvalid = device !== '' && !EUI.test(device);
  const options = [...new Set([...codes, ...(state.code ? [state.code] : [])])].sort();
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="dead-letter-filters">
      <label className="flex flex-col gap-1 text-xs text-muted-foreground">
        Code
        <Select className="w-56" value={state.code} onChange={(e) => onChange({ code: e.target.value })} data-testid="filter-code">
          <option value="">All codes</option>
          {options.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted-foreground">
        Device (devEui)
        <Input
          className="w-52 font-mono"
          value={device}
          placeholder="70b3d5e75e00abcd"
          aria-invalid={deviceInvalid}
          onChange={(e) => {
            const value = e.target.value.trim();
            setDevice(value);
            if (value === '' || EUI.test(value)) onChange({ devEui: value.toLowerCase() });
          }}
          data-testid="filter-device"
        />
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted-foreground">
        Period
        <Select className="w-44" value={state.period} onChange={(e) => onChange({ period: e.target.value as PeriodKey })} data-testid="filter-period">
          {Object.entries(PERIODS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </Select>
      </label>
      {deviceInvalid && <p className="pb-2 text-xs text-danger-foreground">A devEui is 16 hexadecimal digits.</p>}
    </div>
  );
}
