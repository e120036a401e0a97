// Writes data/examples/human_signals_example.csv: human feedback on 48 support conversations
// handled by two AI agents (support_assistant, billing_assistant), one row per case and metric
// (case_resolution, escalation, insights, sentiment) in the human-signals upload layout.
// The signals cells show the shapes real exports have: plain JSON objects, Python-literal dicts
// (every fifth escalation row), and sentiment ratings nested as {group: [{name, value|score}]}.
// A `confidence` key appears in three of the four metrics, so it is treated as case metadata.
// Some cases are still pending (is_resolved and resolution time empty) and some customers gave
// no rating, so the KPI figures have missing values. Deterministic (seeded PRNG): running it
// again reproduces the committed file byte for byte.
//
//   node bench/gen/human_signals_example.mjs [output-file]
//   (default: <repo>/data/examples/human_signals_example.csv)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvLine, mulberry32 } from './csv_util.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outFile = path.resolve(process.argv[2] ?? path.join(repoRoot, 'data/examples/human_signals_example.csv'));

const rand = mulberry32(20250314);
const pick = (list) => list[Math.floor(rand() * list.length)];
const chance = (p) => rand() < p;
const round2 = (x) => Math.round(x * 100) / 100;

const COLUMNS = ['dataset_id', 'metric_name', 'metric_category', 'signals', 'source_name',
  'source_component', 'source_type', 'environment', 'timestamp', 'conversation',
  'conversation_stats', 'additional_input'];

const CASES = 48;
const START = Date.UTC(2025, 2, 3, 8, 0, 0);  // 2025-03-03 08:00 UTC

const AGENTS = {
  support_assistant: {
    sender: 'Support Assistant',
    channel: 'C04SUPPORT',
    kind: 'support',
    subjects: [
      ['Password reset link expired', 'The reset email arrived after the link had already expired.'],
      ['Cannot sign in after enabling 2FA', 'The authenticator codes are rejected since the phone was replaced.'],
      ['CSV export stuck at 90%', 'A full ticket export has been preparing for two hours.'],
      ['Slack notifications stopped', 'New tickets no longer post to the support channel.'],
      ['Teammate invite never arrived', 'An invited agent cannot find the invitation email.'],
      ['Help center custom domain shows a certificate error', 'Visitors see a browser warning on the help center.'],
      ['Automation rule assigns tickets twice', 'Two automation rules fire on the same new ticket.'],
      ['Attachments missing from email replies', 'Files sent by email do not appear in the ticket thread.'],
    ],
  },
  billing_assistant: {
    sender: 'Billing Assistant',
    channel: 'C07BILLING',
    kind: 'billing',
    subjects: [
      ['Charged twice for the March invoice', 'The card statement shows the same amount twice.'],
      ['Refund request for an annual plan', 'The customer bought the wrong plan eight days ago.'],
      ['Invoice shows the old company address', 'The finance team needs corrected invoices for last quarter.'],
      ['Downgrade from Business to Team', 'The owner wants to keep the data but pay for fewer features.'],
      ['Card declined at renewal', 'The renewal failed and the workspace is now read-only.'],
      ['Seats billed after removing agents', 'Three removed agents still appear on the latest invoice.'],
      ['Switch to annual billing', 'The customer asks how the annual discount is applied.'],
    ],
  },
};

const CUSTOMERS = ['Priya Raman', 'Tomás Alvarez', 'Hannah Okafor', 'Lukas Brandt', 'Mei Tanaka',
  'Oliver Grant', 'Amara Diallo', 'Sofia Rossi', 'Jonas Lindqvist', 'Chloé Martin', 'Noah Fischer',
  'Aisha Karim'];
const TEAMMATES = ['@dana (tier 2)', '@li.wei (billing ops)', '@sam (support lead)', '@ravi (engineering)'];
const PRIORITIES = ['Low', 'Normal', 'High', 'Urgent'];

const OUTCOMES = ['resolved', 'refunded', 'escalated', 'pending_customer', 'abandoned'];
const ESCALATION_REASONS = ['policy exception needed', 'bug needs engineering', 'customer asked for a human',
  'refund above agent limit', 'security concern'];
const ESCALATION_TARGETS = ['tier2_support', 'billing_ops', 'engineering'];
const SENTIMENTS = ['positive', 'neutral', 'negative', 'frustrated'];
const REQUESTS = ['Bulk edit for ticket tags', 'Refund status page for customers', 'Slack alerts per priority',
  'Export scheduling', 'Self-serve invoice address change', 'Longer password reset links'];
const LEARNINGS = ['Customers do not see reset emails that land in spam', 'Duplicate charges follow checkout timeouts',
  'Agents escalate refunds that policy already allows', 'Export jobs stall on very large attachments',
  'Invoice changes need a billing admin', 'Customers expect immediate plan changes'];
const ACTIONS = ['Update the help article', 'Raise the refund limit for agents', 'File a bug with engineering',
  'Add a macro for this request', 'No action needed', 'Review the escalation policy'];
const CATEGORIES = ['account_access', 'billing', 'integrations', 'data_export', 'plans', 'notifications'];

const AGENT_REPLIES = [
  'I checked the account and can see what happened.',
  'Thanks for the details, I have confirmed the issue on our side.',
  'I have applied the fix; could you try again and let me know?',
  'This needs a teammate with more permissions, so I am looping them in.',
  'I have sent the steps by email as well so you have them handy.',
];
const CUSTOMER_REPLIES = [
  'It still does not work for me.',
  'Thanks, that did it!',
  'How long will this take?',
  'I already tried that yesterday.',
  'Can someone from your team call me?',
  'Great, appreciate the quick help.',
];

function iso(ms) {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function caseConversation(agent, subject, customer, priority, teammate, escalated, turns) {
  const [title, summary] = subject;
  const messages = [];
  if (turns === 0) return { messages };
  // Most cases open with the agent's intake note; some start straight with the customer.
  if (chance(0.85)) {
    messages.push({ role: 'assistant', content: `New ${agent.kind} case: ${title}\n\nCustomer: ${customer}\nPriority: ${priority}\n\n${summary}` });
  } else {
    messages.push({ role: 'user', content: `Hi, I need help with this: ${title}\n${summary}` });
  }
  while (messages.length < turns) {
    const last = messages[messages.length - 1].role;
    if (last === 'assistant') messages.push({ role: 'user', content: pick(CUSTOMER_REPLIES) });
    else messages.push({ role: 'assistant', content: pick(AGENT_REPLIES) });
  }
  if (escalated) messages.push({ role: 'assistant', content: `${teammate} could you take this one? ${summary}` });
  return { messages };
}

// A dict written the way Python's str() prints it: single quotes, True/False/None.
function pythonLiteral(value) {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${pythonLiteral(k)}: ${pythonLiteral(v)}`).join(', ')}}`;
}

function sample(list, n) {
  const pool = [...list];
  const out = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out;
}

let text = csvLine(COLUMNS);
let clock = START;
for (let i = 1; i <= CASES; i++) {
  clock += Math.round(30 + rand() * 1500) * 60000;
  const agentName = i % 3 === 0 ? 'billing_assistant' : (chance(0.2) ? 'billing_assistant' : 'support_assistant');
  const agent = AGENTS[agentName];
  const environment = chance(0.15) ? 'staging' : 'production';
  const id = `hs-${String(i).padStart(4, '0')}`;
  const subject = pick(agent.subjects);
  const customer = pick(CUSTOMERS);
  const priority = pick(PRIORITIES);
  const teammate = pick(TEAMMATES);

  const outcome = pick(OUTCOMES);
  const escalated = outcome === 'escalated' || chance(0.12);
  const pending = outcome === 'pending_customer';
  const resolved = pending ? null : outcome === 'resolved' || outcome === 'refunded';
  const turns = i === 17 ? 0 : 2 + Math.floor(rand() * 7);
  const conversation = caseConversation(agent, subject, customer, priority, teammate, escalated, turns);
  const userCount = conversation.messages.filter((m) => m.role === 'user').length;
  const aiCount = conversation.messages.length - userCount;
  // Every sixth case has no turn_count, so Message_Count comes from the per-role counts.
  const stats = i % 6 === 0
    ? { user_message_count: userCount, ai_message_count: aiCount }
    : { turn_count: conversation.messages.length, user_message_count: userCount, ai_message_count: aiCount };
  const thread = `${Math.floor(clock / 1000)}.${String(100000 + i * 37).slice(1)}`;
  const additional = { message_url: `https://chat.example.com/archives/${agent.channel}/p${thread.replace('.', '')}`, sender: agent.sender };
  const shared = [agentName, agent.kind === 'billing' ? 'billing_flow' : 'support_flow', 'chat_agent',
    environment, iso(clock), JSON.stringify(conversation), JSON.stringify(stats), JSON.stringify(additional)];
  const confidence = () => round2(0.55 + rand() * 0.44);

  const resolution = {
    is_resolved: resolved,
    resolution_time_minutes: pending ? null : Math.round(5 + rand() * (escalated ? 600 : 180)),
    outcome,
    confidence: confidence(),
  };
  const escalation = {
    is_escalated: escalated,
    escalation_reason: escalated ? pick(ESCALATION_REASONS) : null,
    escalation_target: escalated ? pick(ESCALATION_TARGETS) : null,
    confidence: confidence(),
  };
  const sentiment = escalated || outcome === 'abandoned' ? pick(['negative', 'frustrated', 'neutral']) : pick(SENTIMENTS);
  const rating = chance(0.25) ? null : Math.max(1, Math.min(5, (sentiment === 'positive' ? 4 : sentiment === 'neutral' ? 3 : 2) + Math.floor(rand() * 2)));
  const ratings = { ratings: { customer: [{ name: 'sentiment', value: sentiment }, { name: 'csat_rating', score: rating }] }, confidence: confidence() };
  const insights = {
    requests: sample(REQUESTS, Math.floor(rand() * 3)),
    learnings: sample(LEARNINGS, 1 + Math.floor(rand() * 2)),
    suggested_action: pick(ACTIONS),
    categories: sample(CATEGORIES, 1 + Math.floor(rand() * 2)),
  };

  const rows = [
    ['case_resolution', 'classification', JSON.stringify(resolution)],
    ['escalation', 'classification', i % 5 === 0 ? pythonLiteral(escalation) : JSON.stringify(escalation)],
    ['insights', 'analysis', JSON.stringify(insights)],
    ['sentiment', 'score', JSON.stringify(ratings)],
  ];
  for (const [metric, category, signals] of rows) text += csvLine([id, metric, category, signals, ...shared]);
}

mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, text);
console.log(`wrote ${outFile} (${CASES} cases, ${CASES * 4} rows)`);
