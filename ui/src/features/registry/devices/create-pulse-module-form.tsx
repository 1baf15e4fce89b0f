import { Plus } from 'lucide-react';
import { useDeferredValue, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { FormError } from '@/features/admin/components/form-error';
import { fieldError, invalidProps } from '@/lib/field-errors';
import { useCreatePulseModule } from '../api/use-devices';
import { useMeters } from '../api/use-meters';
import { escapeToCancel } from '../components/escape-to-cancel';

const CANDIDATES = 20;

/** "New pulse module": serial, pulse weight and unit, optionally the meter whose output it counts (found by serial prefix). */
export function CreatePulseModuleForm({ onDone }: { onDone: () => void }) {
  const create = useCreatePulseModule();
  const [serial, setSerial] = useState('');
  const [pulseWeight, setPulseWeight] = useState('0.01');
  const [unit, setUnit] = useState('m3');
  const [meterSearch, setMeterSearch] = useState('');
  const [meterId, setMeterId] = useState('');
  const search = useDeferredValue(meterSearch.trim());
  const meters = useMeters({ search: search || undefined, limit: CANDIDATES }, search.length > 0);
  const err = create.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ serial: serial.trim(), pulseWeight: pulseWeight.trim(), unit: unit.trim(), ...(meterId ? { meterId } : {}) }, { onSuccess: onDone });
  }

  return (
    <Card data-testid="new-pulse-module-form">
      <CardHeader>
        <CardTitle>New pulse module</CardTitle>
      </CardHeader>
      <CardContent>
        <form className="space-y-4" onSubmit={submit} onKeyDown={escapeToCancel(onDone)} noValidate>
          <FormError error={err} />
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            <FormField id="pulse-serial" label="Serial" error={fieldError(err, 'serial')}>
              <Input id="pulse-serial" value={serial} onChange={(e) => setSerial(e.target.value)} autoComplete="off" data-testid="pulse-serial" {...invalidProps(err, 'serial', 'pulse-serial')} />
            </FormField>
            <FormField id="pulse-weight" label="Pulse weight" hint="Consumption per pulse" error={fieldError(err, 'pulseWeight')}>
              <Input id="pulse-weight" inputMode="decimal" className="font-mono" value={pulseWeight} onChange={(e) => setPulseWeight(e.target.value)} data-testid="pulse-weight" {...invalidProps(err, 'pulseWeight', 'pulse-weight')} />
            </FormField>
            <FormField id="pulse-unit" label="Unit" error={fieldError(err, 'unit')}>
              <Input id="pulse-unit" value={unit} onChange={(e) => setUnit(e.target.value)} data-testid="pulse-unit" {...invalidProps(err, 'unit', 'pulse-unit')} />
            </FormField>
            <FormField id="pulse-meter-search" label="Meter (optional)" hint="Type the start of its serial">
              <Input id="pulse-meter-search" type="search" value={meterSearch} onChange={(e) => setMeterSearch(e.target.value)} autoComplete="off" data-testid="pulse-meter-search" />
            </FormField>
            <FormField id="pulse-meter" label="Counts the output of" error={fieldError(err, 'meterId')}>
              <Select id="pulse-meter" value={meterId} onChange={(e) => setMeterId(e.target.value)} data-testid="pulse-meter">
                <option value="">{search ? (meters.isFetching ? 'Searching…' : 'No meter') : 'No meter'}</option>
                {meters.data?.items.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.serial} ({m.vendor})
                  </option>
                ))}
              </Select>
            </FormField>
          </div>
          <div className="flex gap-2">
            <Button type="submit" disabled={create.isPending || !serial.trim()} data-testid="create-pulse-module-submit">
              <Plus aria-hidden /> Create pulse module
            </Button>
            <Button variant="ghost" onClick={onDone}>
              Cancel
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
