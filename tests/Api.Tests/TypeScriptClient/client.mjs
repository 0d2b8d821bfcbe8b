// Drives HaloMcp with the official MCP TypeScript SDK client over Streamable HTTP, as TypeScriptClientTests runs it:
//   node client.mjs <mcp url> <api key> <client id for the new ticket>
// It lists the tools, calls halopsa_get_connection, a read and a write (the SDK client checks each structured result
// against the tool's outputSchema and throws if it does not match), tries a wrong key, and prints one JSON report.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url, apiKey, clientId] = process.argv.slice(2);

function connect(key) {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${key}` } },
  });
  const client = new Client({ name: 'halomcp-typescript-test', version: '1.0.0' });
  return { client, transport, ready: client.connect(transport) };
}

const report = {};
const { client, transport, ready } = connect(apiKey);
await ready;
report.protocolVersion = transport.protocolVersion;

const listed = await client.listTools();
report.tools = listed.tools.map(t => t.name);
report.toolsWithOutputSchema = listed.tools.filter(t => t.outputSchema).length;

const connection = await client.callTool({ name: 'halopsa_get_connection', arguments: {} });
report.connection = connection.structuredContent;

const read = await client.callTool({ name: 'halopsa_get_ticket', arguments: { ticket_id: 5 } });
report.read = { isError: read.isError ?? false, structured: read.structuredContent };

const summary = `Raised by the TypeScript SDK client ${Date.now()}`;
const write = await client.callTool({ name: 'halopsa_create_ticket', arguments: { summary, client_id: Number(clientId) } });
report.write = { isError: write.isError ?? false, summary, structured: write.structuredContent };

const refused = await client.callTool({ name: 'halopsa_get_ticket', arguments: { ticket_id: 'five' } });
report.refused = { isError: refused.isError ?? false, text: refused.content?.[0]?.text };
await client.close();

const wrong = connect(apiKey + 'x');
try {
  await wrong.ready;
  report.wrongKey = 'accepted';
} catch (error) {
  report.wrongKey = String(error?.code ?? error?.message ?? error);
}

console.log(JSON.stringify(report));
