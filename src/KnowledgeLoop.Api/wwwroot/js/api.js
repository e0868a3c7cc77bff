// The HTTP contract (docs: notes/api-contract): JSON in snake_case, errors as application/problem+json.

let apiKey = '';

/** The key sent as X-Api-Key; kept in memory for this tab only. */
export function setApiKey(value) {
  apiKey = (value ?? '').trim();
}

export function hasApiKey() {
  return apiKey.length > 0;
}

/** A failed request: the HTTP status and the ProblemDetails body, when there is one. */
export class ApiError extends Error {
  constructor(status, problem, fallback) {
    super(ApiError.describe(status, problem, fallback));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  static describe(status, problem, fallback) {
    if (problem && typeof problem === 'object') {
      const parts = [];
      if (typeof problem.detail === 'string' && problem.detail) {
        parts.push(problem.detail);
      } else if (typeof problem.title === 'string' && problem.title) {
        parts.push(problem.title);
      }
      if (problem.errors && typeof problem.errors === 'object') {
        for (const [field, reasons] of Object.entries(problem.errors)) {
          parts.push(`${field}: ${[].concat(reasons).join(', ')}`);
        }
      }
      if (parts.length > 0) {
        return parts.join(' ');
      }
    }
    return fallback || `The server answered ${status}.`;
  }
}

async function request(method, path, { body, signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (apiKey) {
    headers['X-Api-Key'] = apiKey;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    if (error?.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, null, 'The server cannot be reached. Check that the service is running.');
  }

  const type = response.headers.get('Content-Type') ?? '';
  const isJson = type.includes('json');
  const payload = isJson ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new ApiError(response.status, payload, response.statusText ? `${response.status} ${response.statusText}` : '');
  }
  return payload;
}

export const getJson = (path, options) => request('GET', path, options);
export const postJson = (path, body, options) => request('POST', path, { ...options, body });

/** Builds a query string from the non-empty values. */
export function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      query.set(key, String(value));
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
