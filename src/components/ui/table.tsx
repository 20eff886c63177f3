import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cn } from './cn';

export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    <div className="w-full overflow-x-auto">
      <table className={cn('w-full caption-bottom text-sm', className)} {...props} />
    </div>
  );
}

function TableHead({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn('h-10 border-b px-4 text-left text-xs font-medium uppercase tracking-wide text-muted-foreground', className)} {...props} />;
}

export function TableCell({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('border-b px-4 py-3 align-middle', className)} {...props} />;
}

export type TableColumn = { label?: ReactNode; className?: string };

/** The header row: one column per entry; an entry without a label is an unnamed actions column. */
export function TableHeader({ columns }: { columns: TableColumn[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <TableHead key={i} className={c.className}>
            {c.label}
          </TableHead>
        ))}
      </tr>
    </thead>
  );
}

/** What a list shows instead of an empty table. */
export function TableEmpty({ children, ...props }: HTMLAttributes<HTMLParagraphElement>) {
  return (
    <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground" {...props}>
      {children}
    </p>
  );
}
