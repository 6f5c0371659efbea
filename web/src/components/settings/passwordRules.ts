// The server's password rule (8 to 256 characters), checked as the user
// types so the form says what is wrong before a round trip. The server
// checks again and its message wins.
export function passwordProblem(password: string, confirm: string): string {
  const length = [...password].length; // characters, as the server counts them
  if (password && length < 8) return 'The password needs at least 8 characters.';
  if (length > 256) return 'The password may have at most 256 characters.';
  if (confirm && confirm !== password) return 'The two passwords differ.';
  return '';
}
