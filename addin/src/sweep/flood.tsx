// The flood report above the Inbox sweep's list (issue 13). Loaded when a sweep has finished, not at
// task pane start: the report's code and words would otherwise cost the start bundle ~9 KB gzip.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../../shared/i18n/index';
import type { FloodItem } from '../../../shared/src/flood/types';
import type { SweepFloodReport as Report } from '../../../shared/ui/FloodReport';
import type { SweepItem } from '../graph/sweep';

/** The checked items as the report's input: each decided item with the time Exchange received it. */
export function floodItems(items: readonly SweepItem[]): FloodItem[] {
  const out: FloodItem[] = [];
  for (const item of items) {
    const decision = item.assessment?.decision;
    if (item.assessment === undefined || decision === undefined) {
      continue;
    }
    const arrived = item.received === undefined ? Number.NaN : Date.parse(item.received);
    out.push({
      analysis: item.assessment.analysis,
      decision,
      ...(Number.isFinite(arrived) ? { arrived } : {}),
    });
  }
  return out;
}

export function SweepFlood({ items, lang }: { items: readonly FloodItem[]; lang: Lang }) {
  const [View, setView] = useState<typeof Report | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void import('../../../shared/ui/FloodReport').then(m => {
      if (live) {
        setView(() => m.SweepFloodReport);
      }
    });
    return () => {
      live = false;
    };
  }, []);
  return View === undefined ? null : <View items={items} lang={lang} exportFile="backscatter-report.html" />;
}
