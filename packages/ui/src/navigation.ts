/**
 * Where to go after logging in, from a `?next=` parameter: only a path on this site, so a crafted
 * link cannot send the user to another origin (`//evil.example`, `https://…`).
 */
export function safeNextPath(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
