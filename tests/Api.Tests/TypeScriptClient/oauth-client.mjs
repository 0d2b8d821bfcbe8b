// Drives HaloMcp's authorization server with the official MCP TypeScript SDK's OAuth client, as
// TypeScriptOAuthClientTests runs it:
//   node oauth-client.mjs <mcp url> <api key>
// The SDK discovers the authorization server (RFC 9728, then RFC 8414), registers a client (RFC 7591), builds the
// authorization URL (PKCE S256, resource), and, once the consent page (filled in here as a browser would: its cookie,
// form token and the tenant's API key) has sent the code back, exchanges it, calls tools with the token, and refreshes.
// It prints one JSON report.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { auth, refreshAuthorization, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';

const [url, apiKey] = process.argv.slice(2);
const redirectUrl = 'http://127.0.0.1:33418/callback';

class MemoryProvider {
  constructor() { this.saved = {}; this.authorizationUrls = []; }
  get redirectUrl() { return redirectUrl; }
  get clientMetadata() {
    return {
      client_name: 'HaloMcp TypeScript OAuth test',
      redirect_uris: [redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  state() { return 'ts-state-' + Math.random().toString(36).slice(2); }
  clientInformation() { return this.saved.client; }
  saveClientInformation(info) { this.saved.client = info; }
  tokens() { return this.saved.tokens; }
  saveTokens(tokens) { this.saved.tokens = tokens; }
  redirectToAuthorization(authorizationUrl) { this.authorizationUrls.push(authorizationUrl); }
  saveCodeVerifier(verifier) { this.saved.verifier = verifier; }
  codeVerifier() { return this.saved.verifier; }
  saveDiscoveryState(state) { this.saved.discovery = state; }
  discoveryState() { return this.saved.discovery; }
}

// The browser's part: open the consent page, keep its cookie, post the form with the key, read the redirect.
async function consent(authorizationUrl) {
  const page = await fetch(authorizationUrl, { redirect: 'manual' });
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${await page.text()}`);
  const cookie = page.headers.getSetCookie().map(c => c.split(';')[0]).join('; ');
  const html = await page.text();
  const field = name => html.match(new RegExp(`name="${name}" value="([^"]+)"`))[1];
  const body = new URLSearchParams({ consent: field('consent'), form_token: field('form_token'), action: 'api_key', api_key: apiKey });
  const answer = await fetch(new URL('/oauth/authorize', authorizationUrl), {
    method: 'POST', redirect: 'manual', body,
    headers: { cookie, origin: new URL(authorizationUrl).origin, 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (answer.status !== 302) throw new Error(`consent answered ${answer.status}: ${await answer.text()}`);
  const back = new URL(answer.headers.get('location'));
  return { back, code: back.searchParams.get('code'), state: back.searchParams.get('state'), iss: back.searchParams.get('iss') };
}

async function connected(provider) {
  const transport = new StreamableHTTPClientTransport(new URL(url), { authProvider: provider });
  const client = new Client({ name: 'halomcp-typescript-oauth-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

const report = {};
const provider = new MemoryProvider();

// 1. Unauthorized: the SDK discovers, registers and sends the "browser" to the consent page.
const transport = new StreamableHTTPClientTransport(new URL(url), { authProvider: provider });
const first = new Client({ name: 'halomcp-typescript-oauth-test', version: '1.0.0' });
try {
  await first.connect(transport);
  report.firstConnect = 'connected without signing in';
} catch (error) {
  report.firstConnect = error instanceof UnauthorizedError ? 'unauthorized' : String(error);
}

const authorizationUrl = provider.authorizationUrls[0];
report.discovery = { authorizationServer: provider.saved.discovery?.authorizationServerUrl, issuer: provider.saved.discovery?.authorizationServerMetadata?.issuer };
report.registeredClientId = provider.saved.client?.client_id;
report.authorizationRequest = authorizationUrl ? Object.fromEntries(authorizationUrl.searchParams) : null;

// 2. The person signs in; the SDK exchanges the code.
const answer = await consent(authorizationUrl);
report.redirect = { origin: answer.back.origin + answer.back.pathname, stateEchoed: answer.state === report.authorizationRequest.state, iss: answer.iss };
await transport.finishAuth(answer.code);
const tokens = provider.tokens();
report.tokens = { scope: tokens.scope, tokenType: tokens.token_type, expiresIn: tokens.expires_in, hasRefresh: !!tokens.refresh_token };

// 3. Tools with the token.
const client = await connected(provider);
const listed = await client.listTools();
report.toolCount = listed.tools.length;
const connection = await client.callTool({ name: 'halopsa_get_connection', arguments: {} });
report.tenant = connection.structuredContent?.tenant_id;
const ticket = await client.callTool({ name: 'halopsa_get_ticket', arguments: { ticket_id: 5 } });
report.ticket = { isError: ticket.isError ?? false, summary: ticket.structuredContent?.summary };
await client.close();

// 4. Refresh: auth() with tokens that have a refresh token refreshes them (the refresh token rotates).
const before = provider.tokens();
report.refresh = await auth(provider, { serverUrl: url });
const after = provider.tokens();
report.rotated = { access: before.access_token !== after.access_token, refresh: before.refresh_token !== after.refresh_token };
const again = await connected(provider);
const afterRefresh = await again.callTool({ name: 'halopsa_get_ticket', arguments: { ticket_id: 6 } });
report.afterRefresh = { isError: afterRefresh.isError ?? false, id: afterRefresh.structuredContent?.id };
await again.close();

// 5. The rotated-out refresh token is refused (and, being a replay, ends the grant).
try {
  await refreshAuthorization(report.discovery.authorizationServer, {
    metadata: provider.saved.discovery.authorizationServerMetadata,
    clientInformation: provider.saved.client,
    refreshToken: before.refresh_token,
    resource: new URL(url),
  });
  report.replay = 'accepted';
} catch (error) {
  report.replay = error?.errorCode ?? error?.constructor?.name ?? String(error);
}

const probe = await fetch(url, {
  method: 'POST',
  headers: { authorization: `Bearer ${after.access_token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
});
report.afterReplay = { status: probe.status, challenge: probe.headers.get('www-authenticate') };

console.log(JSON.stringify(report));
