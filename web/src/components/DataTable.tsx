import { Empty, Table } from 'antd';
import type { ReactNode } from 'react';
import { useNarrow } from '../prefs/touch.ts';

export interface Column<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
}

/**
 * Rows of facts: a table on a wide screen; on a phone a list, each row a card of "title: value" lines, so that
 * no column is squeezed to one character a line and nothing scrolls sideways out of reach.
 */
export function DataTable<T>({
  rows,
  rowKey,
  columns,
  label,
  empty,
  size,
}: {
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: Column<T>[];
  /** What the rows are, for screen readers. */
  label: string;
  /** Said when there are no rows. */
  empty?: string;
  size?: 'small';
}) {
  const narrow = useNarrow();
  if (rows.length === 0 && empty) return <Empty description={empty} />;
  if (narrow) {
    return (
      <ul className="data-list" aria-label={label}>
        {rows.map((row) => (
          <li key={rowKey(row)} className="data-list__row">
            <dl>
              {columns.map((c) => (
                <div key={c.key}>
                  <dt>{c.title}</dt>
                  <dd>{c.render(row)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table<T>
      rowKey={rowKey}
      dataSource={[...rows]}
      pagination={false}
      size={size}
      scroll={{ x: true }}
      aria-label={label}
      columns={columns.map((c) => ({ key: c.key, title: c.title, render: (_, row) => c.render(row) }))}
    />
  );
}
