// Where to go after logging in or changing the password: the page the user
// asked for (`?next=`), only ever a path inside the app.
export function nextPath(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
