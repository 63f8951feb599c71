// The dashboard reads everything through the public GraphQL API, as any client would.

const endpoint = () => document.getElementById('page').dataset.graphql;

/** POSTs a GraphQL operation; resolves to its data, or rejects with the errors' messages. */
export async function gql(query, variables = {}) {
  const response = await fetch(endpoint(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('\n'));
  return body.data;
}

/** The graphql-ws URL of the same endpoint (ws: or wss: as the page). */
export function webSocketUrl() {
  const url = new URL(endpoint(), window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}
