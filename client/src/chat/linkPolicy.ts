/** Which links from a model answer the extension may open. */

/**
 * The URL to open for a link clicked in an answer, or undefined when it must not be opened: only absolute http(s)
 * URLs qualify, and never ones with a user name or password, which can disguise the real host
 * (https://trusted.example@other.example/).
 */
export function openableUrl(href: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.username !== "" || url.password !== "") return undefined;
  if (url.hostname === "") return undefined;
  return url;
}
