"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import { cn } from "./cn";

/**
 * A windowed list with a fixed row height: only the rows in view (plus a few) are in the DOM, so a
 * list of thousands stays light. `onNearEnd` fires when the last rows come into view (load more).
 */
export function VirtualList({
  count,
  rowHeight,
  renderRow,
  rowKey,
  label,
  onNearEnd,
  className,
  overscan = 4,
}: {
  count: number;
  rowHeight: number;
  renderRow: (index: number) => ReactNode;
  rowKey: (index: number) => string | number;
  label: string;
  onNearEnd?: () => void;
  className?: string;
  overscan?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(480);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const nearEnd = count > 0 && last >= count - overscan;
  useEffect(() => {
    if (nearEnd) onNearEnd?.();
  }, [nearEnd, count, onNearEnd]);

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <li key={rowKey(i)} aria-setsize={count} aria-posinset={i + 1} className="absolute inset-x-0" style={{ top: i * rowHeight, height: rowHeight }}>
        {renderRow(i)}
      </li>,
    );
  }
  return (
    <div ref={ref} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} className={cn("overflow-y-auto overscroll-contain", className)}>
      <ul aria-label={label} className="relative" style={{ height: count * rowHeight }}>
        {rows}
      </ul>
    </div>
  );
}
