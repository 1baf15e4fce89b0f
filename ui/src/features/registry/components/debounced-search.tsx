import { Search } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Input } from '@/components/ui/input';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * A search box whose value lives in the URL: typing writes it after a pause (Enter at once); back/forward or a
 * pasted link updates the box, but never overwrites what is being typed.
 */
export function DebouncedSearch({ value, onSearch, label, placeholder, testId }: { value: string; onSearch: (value: string, replace?: boolean) => void; label: string; placeholder: string; testId: string }) {
  const [text, setText] = useState(value);
  const pushed = useRef(value);

  useEffect(() => {
    if (value !== pushed.current) setText(value);
    pushed.current = value;
  }, [value]);
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === value) return;
    const timer = setTimeout(() => {
      pushed.current = trimmed;
      onSearch(trimmed, true);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <div className="relative w-full max-w-xs">
      <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" />
      <Input
        type="search"
        aria-label={label}
        placeholder={placeholder}
        className="pl-8"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          pushed.current = text.trim();
          onSearch(text.trim());
        }}
        data-testid={testId}
      />
    </div>
  );
}
