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
  const hidden = text.split(url).join(redactHub(url));
  const password = passwordOf(url);
  return password ? hidden.split(password).join('***') : hidden;
}

function passwordOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}

/** The hub as a library remembers it: user, host, port and database, never a password or options. */
export function hubKey(url: string): string {
  const parsed = new URL(url);
  const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
  return `postgres://${user}${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}
