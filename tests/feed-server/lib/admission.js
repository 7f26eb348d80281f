'use strict';

/**
 * Decides whether a connection request may open: the Origin header and a query parameter
 * can be required, as the live feed may require them. Returns the refusal reason, or null.
 */
function refusalOf(request, { originRequired, queryRequired }) {
  if (originRequired && request.headers.origin !== originRequired) {
    return `origin ${JSON.stringify(request.headers.origin ?? null)} is not ${originRequired}`;
  }
  if (queryRequired) {
    const query = new URL(request.url, 'http://127.0.0.1').searchParams;
    if (query.get(queryRequired.key) !== queryRequired.value) {
      return `query ${queryRequired.key}=${queryRequired.value} is missing`;
    }
  }
  return null;
}

module.exports = { refusalOf };
