/**
 * A hub is named by a PostgreSQL connection string. Its password must never reach the library
 * file, a log or the screen: everything printed or stored about a hub goes through `redactHub`.
 */

/** The URL with its password replaced by `***` (user, host, port and database kept). */
export function redactHub(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    parsed.searchParams.forEach((_, key) => {
      if (key.toLowerCase() === 'password') parsed.searchParams.set(key, '***');
    });
    return parsed.toString();
  } catch {
    return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
  }
}

/** Any text (an error message from the driver) with every occurrence of the URL's password hidden. */
export function redactSecret(text: string, url: string): string {
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return text.split(url).join(redactHub(url));
  }
  const hidden = text.split(url).join(redactHub(url));
  return password ? hidden.split(password).join('***') : hidden;
}

/** The hub's identity as a library remembers it: no password, no options, just where it is. */
export function hubKey(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw new TypeError('not a postgres:// URL');
  const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
  return `postgres://${user}${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}
