// Drives IssueCommand over MCP stdio with the official MCP TypeScript SDK client and prints one JSON report line.
// Usage: node drive.mjs <config.json>. The config names the command to spawn and the scenario; the Java
// integration test (dev.issuecommand.mcp.McpStdioIT) writes it, runs this script and asserts on the report.
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const report = { calls: {} };
// stdio (config.command) or Streamable HTTP (config.url, with config.headers such as the bearer key)
const transport = config.url
  ? new StreamableHTTPClientTransport(new URL(config.url), { requestInit: { headers: config.headers ?? {} } })
  : new StdioClientTransport({ command: config.command, args: config.args, stderr: 'inherit' });
const client = new Client({ name: 'issuecommand-it', version: '1.0.0' });
transport.onerror = (error) => { (report.transport_errors ??= []).push(String(error?.message ?? error)); };

async function call(key, name, args) {
  try {
    const result = await client.callTool({ name, arguments: args }, undefined, { timeout: 120_000 });
    report.calls[key] = {
      is_error: result.isError === true,
      structured: result.structuredContent ?? null,
      text: result.content?.filter((c) => c.type === 'text').map((c) => c.text) ?? [],
    };
    return result.structuredContent ?? {};
  } catch (error) {
    report.calls[key] = { thrown: String(error?.message ?? error) };
    return {};
  }
}

const scenarios = {
  // Every tool, refusals and argument errors, against the fake GitHub of the test.
  async full({ repo, outside_repo: outside, missing_issue: missing }) {
    await call('system_health', 'system_health', {});
    await call('list_open_issues', 'list_open_issues', { repo });
    await call('list_open_issues_outside', 'list_open_issues', { repo: outside });
    await call('get_issue_details', 'get_issue_details', { repo, issue_number: 1 });
    await call('get_issue_details_missing', 'get_issue_details', { repo, issue_number: missing });
    const claimed = await call('claim_issue', 'claim_issue', { agent_id: 'agent-a', repo, issue_number: 1 });
    const claimId = claimed.claim?.claim_id ?? 'none';
    await call('claim_issue_again', 'claim_issue', { agent_id: 'agent-a', repo, issue_number: 1 });
    await call('claim_issue_taken', 'claim_issue', { agent_id: 'agent-b', repo, issue_number: 1 });
    await call('claim_issue_bad_number', 'claim_issue', { agent_id: 'agent-a', repo, issue_number: 'one' });
    await call('claim_issue_no_repo', 'claim_issue', { agent_id: 'agent-a', issue_number: 2 });
    await call('claim_issue_missing', 'claim_issue', { agent_id: 'agent-a', repo, issue_number: missing });
    await call('update_claim_status', 'update_claim_status',
      { claim_id: claimId, agent_id: 'agent-a', status: 'in_progress', note: 'starting' });
    await call('update_claim_status_bad', 'update_claim_status',
      { claim_id: claimId, agent_id: 'agent-a', status: 'finished' });
    await call('update_claim_status_no_pr', 'update_claim_status',
      { claim_id: claimId, agent_id: 'agent-a', status: 'pr_submitted' });
    await call('heartbeat_claim', 'heartbeat_claim', { claim_id: claimId, agent_id: 'agent-a' });
    await call('heartbeat_claim_other', 'heartbeat_claim', { claim_id: claimId, agent_id: 'agent-b' });
    await call('get_my_claims', 'get_my_claims', { agent_id: 'agent-a' });
    await call('get_my_work', 'get_my_work', { agent_id: 'agent-a' });
    await call('next_issue', 'next_issue', { agent_id: 'agent-b', repo });
    await call('get_all_claims', 'get_all_claims', {});
    await call('get_all_claims_b', 'get_all_claims', { agent_id: 'agent-b' });
    await call('get_all_claims_bad_status', 'get_all_claims', { status: 'done' });
    await call('release_issue', 'release_issue', { claim_id: claimId, agent_id: 'agent-a', reason: 'handing off' });
    await call('get_claim_history', 'get_claim_history', { repo, limit: 1 });
    await call('get_claim_history_bad_limit', 'get_claim_history', { limit: 500 });
    await call('get_my_work_no_agent', 'get_my_work', {});
    await call('list_repos', 'list_repos', {});
    await call('get_followups', 'get_followups', { repo });
    await call('update_followup_status_unknown', 'update_followup_status',
      { work_item_id: 'no-such-item', agent_id: 'agent-c', status: 'in_progress' });
    await call('update_followup_status_bad', 'update_followup_status',
      { work_item_id: 'no-such-item', agent_id: 'agent-c', status: 'finished' });
    await call('next_work', 'next_work', { agent_id: 'agent-c', repo });
    await call('list_quarantine', 'list_quarantine', { repo });
  },
  // One path's half of "a claim made through one path is seen through the others": claim an issue, then list.
  async claim({ repo, agent, issue }) {
    await call('claim_issue', 'claim_issue', { agent_id: agent, repo, issue_number: issue });
    await call('get_all_claims', 'get_all_claims', {});
  },
  // The other half: only list what every path claimed.
  async list() {
    await call('get_all_claims', 'get_all_claims', {});
  },
  // One next_work call that waits for work to appear (the test queues it while the call waits).
  async wait({ repo, agent, wait_seconds: waitSeconds }) {
    await call('next_work', 'next_work', { agent_id: agent, repo, wait_seconds: waitSeconds });
    // end the session on the server (DELETE), which also ends its event stream, rather than leave it open
    await transport.terminateSession?.();
  },
  // The smallest useful session: health and one GitHub read.
  async minimal({ repo }) {
    await call('system_health', 'system_health', {});
    await call('get_issue_details', 'get_issue_details', { repo, issue_number: 1 });
  },
};

let exitCode = 0;
try {
  const started = Date.now();
  await client.connect(transport, { timeout: config.initialize_timeout_ms ?? 240_000 });
  report.initialize_ms = Date.now() - started;
  report.server = client.getServerVersion();
  report.capabilities = client.getServerCapabilities();
  report.instructions = client.getInstructions();
  report.protocol_version = transport.protocolVersion ?? null;
  report.session_id = transport.sessionId ?? null;
  report.tools = (await client.listTools()).tools;
  await scenarios[config.scenario](config);
} catch (error) {
  report.failure = String(error?.stack ?? error);
  exitCode = 1;
} finally {
  await client.close();
}
process.stdout.write(JSON.stringify(report) + '\n');
process.exit(exitCode);
