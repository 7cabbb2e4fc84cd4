/**
 * Calls to the JSON API from the pages. When the server requires an API key (401), the page
 * asks for it once, keeps it in sessionStorage for this tab (see SECURITY.md) and retries.
 */

const KEY_STORAGE = 'plan-assistant.apiKey';

/** An API error with the server's Vietnamese message and its code. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function storedKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

/** Headers with the stored key, if any. */
export function authHeaders(extra = {}) {
  const key = storedKey();
  return key ? { ...extra, Authorization: `Bearer ${key}` } : { ...extra };
}

/** Whether a key is stored (downloads then go through fetch, since links cannot send headers). */
export function hasStoredKey() {
  return Boolean(storedKey());
}

function askForKey(wrongKey) {
  const message = wrongKey
    ? 'Khóa truy cập không đúng. Nhập lại khóa truy cập (API key) của máy chủ:'
    : 'Máy chủ yêu cầu khóa truy cập (API key). Nhập khóa:';
  const key = window.prompt(message);
  if (!key) return false;
  sessionStorage.setItem(KEY_STORAGE, key.trim());
  return true;
}

/** The error carried by a non-OK response, in the `{ error: { code, message } }` format. */
export async function errorOf(response) {
  try {
    const body = await response.json();
    if (body && body.error) return new ApiError(response.status, body.error.code, body.error.message);
  } catch {
    // not JSON: fall through to a generic message
  }
  return new ApiError(response.status, 'http_error', `Máy chủ trả lời lỗi ${response.status}.`);
}

/**
 * fetch() with the API key; on 401 asks for the key and retries once per entered key.
 * Resolves with the Response when it is OK, rejects with ApiError otherwise.
 */
export async function apiFetch(url, init = {}) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const usedKey = storedKey();
    const response = await fetch(url, { ...init, headers: authHeaders(init.headers) });
    if (response.ok) return response;
    if (response.status !== 401) throw await errorOf(response);
    // Requests sent together all come back 401: the first one asks, the others reuse its answer.
    const keyChanged = storedKey() !== null && storedKey() !== usedKey;
    if (!keyChanged && !askForKey(usedKey !== null)) throw await errorOf(response);
  }
  throw new ApiError(401, 'unauthorized', 'Chưa có khóa truy cập hợp lệ.');
}

/** GET a JSON resource. */
export async function getJson(url) {
  const response = await apiFetch(url, { headers: { Accept: 'application/json' } });
  return response.json();
}

/** Downloads `url` as a file named `fileName` through fetch (so the key header is sent). */
export async function downloadWithKey(url, fileName) {
  const response = await apiFetch(url);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = window.URL.createObjectURL(blob);
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => window.URL.revokeObjectURL(link.href), 10_000);
}

/**
 * Export links that download through fetch when an API key is stored (the header must be sent);
 * without a key the plain link downloads. `onError` receives a failed download's error.
 */
export function wireKeyedDownloads(exportLinks, onError) {
  for (const { link, file } of exportLinks) {
    link.addEventListener('click', (event) => {
      if (!hasStoredKey()) return;
      event.preventDefault();
      downloadWithKey(link.href, file).catch(onError);
    });
  }
}
