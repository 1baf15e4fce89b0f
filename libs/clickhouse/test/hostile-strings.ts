/** Strings that break naive escaping. Shared by the 18.16 and the chdb round-trip tests. */

/** About 1.3 MB escaped: only INSERT ... VALUES data may be this long (it is not bound by max_query_size). */
export const VERY_LONG_STRING = `${"'\\\0;--🙂 ".repeat(100_000)}\\`;

const allControlCharacters = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('') + '\u007f';

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  "'",
  "''",
  "'''",
  '\\',
  '\\\\',
  "\\'",
  "\\\\'",
  "it's",
  'ends with a backslash\\',
  'ends with two backslashes\\\\',
  "'; DROP TABLE x; --",
  "') ; DROP TABLE x; SELECT ('",
  "1' OR '1'='1",
  'NUL \0 in the middle',
  '\0',
  '\0\0\0',
  'newline\ncarriage\rtab\t',
  '\r\n',
  'backspace\b formfeed\f vertical\u000b bell\u0007 escape\u001b',
  allControlCharacters,
  'literal escapes: \\0 \\n \\r \\t \\b \\f \\x41 \\N \\u0041',
  '"double" `backtick` ?placeholder? {name:String} $1 %s',
  '-- not a comment',
  '/* not a comment */',
  '*/ closing first /*',
  ';;;',
  'Grüße, Ærø, façade',
  '日本語のテキスト',
  'emoji 🙂 family 👨‍👩‍👧 flag 🇩🇪 astral 𝄞',
  'שלום עולם',
  'مرحبا بالعالم',
  'mixed RTL \u202eoverride\u202c and \u200fmarks\u200e',
  'zero\u200bwidth\u200djoiner\ufeffbom',
  'combining e\u0301 and n\u0303',
  'line separators \u2028 and \u2029',
  '\uffff\ufffd max BMP and replacement char',
  // 65 KB escaped: a literal in a SELECT counts against max_query_size (256 KiB by default).
  `long ${"x'\\\0\n🙂".repeat(5_000)} end`,
];
