'use client';

import { type InputHTMLAttributes, useId, useState } from 'react';
import { buttonClasses } from './button';
import { cn } from './cn';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { chooseLabel: string; noneLabel: string };

/**
 * A file picker in the page's language: the browser's own button speaks the
 * browser's language ("Choose File"), so the native input is only visually
 * hidden and a translated label opens it (keyboard focus stays on the input).
 */
export function FileInput({ chooseLabel, noneLabel, className, onChange, disabled, ...props }: Props) {
  const id = useId();
  const [fileName, setFileName] = useState<string | null>(null);
  return (
    <div className={cn('flex min-w-0 flex-1 items-center gap-3', className)}>
      <input
        id={id}
        type="file"
        className="peer sr-only"
        disabled={disabled}
        onChange={(event) => {
          setFileName(event.target.files?.[0]?.name ?? null);
          onChange?.(event);
        }}
        {...props}
      />
      <label htmlFor={id} className={cn(buttonClasses({ variant: 'secondary' }), 'cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-ring', disabled && 'pointer-events-none opacity-50')}>
        {chooseLabel}
      </label>
      <span className="truncate text-sm text-muted-foreground">{fileName ?? noneLabel}</span>
    </div>
  );
}
