import { Brain } from 'lucide-react';
import { Card } from '../Card';
import { FileUpload, type ExampleChoice, type UploadTarget } from '../evaluate/FileUpload';
import { loadRulesExample, uploadRules } from '../../lib/memory/api';
import type { MemoryUploadReply } from '../../lib/memory/types';

const TARGET: UploadTarget<MemoryUploadReply> = { upload: uploadRules, example: () => loadRulesExample() };
const EXAMPLES: ExampleChoice[] = [{ name: 'rules', label: 'Load example' }];

/** Upload of a rules CSV (it replaces the rules held by the server), or the shipped example. */
export function MemorySetup({ onLoaded }: { onLoaded: (reply: MemoryUploadReply) => void }) {
  return (
    <Card title="Load decision rules" icon={<Brain className="h-4 w-4 text-primary" aria-hidden="true" />} testId="memory-setup">
      <p className="mb-4 text-sm text-ink-muted">
        A rules CSV needs the columns <code className="font-mono text-xs">id, rule_name, action, batch_id, ingestion_status</code>; risk factor, product,
        mitigant and threshold columns are optional. The rules are held in the server's memory and replaced by the next upload.
      </p>
      <FileUpload<MemoryUploadReply> target={TARGET} examples={EXAMPLES} onLoaded={onLoaded} testId="memory-upload" title="Drop a rules CSV or click to browse" />
    </Card>
  );
}
