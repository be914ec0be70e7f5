import {
  compileJavaRegex,
  javaMatches,
  javaQuote,
  javaReplaceAll,
  javaReplaceFirst,
  javaSplit,
  JavaRegexRuntimeError,
  JavaRegexSyntaxError
} from '../src/stdlib/javaRegex';
import {
  epochOfLocal,
  formatJavaDate,
  isValidZone,
  localFieldsOf,
  zoneDisplayName,
  zoneOffsetMs
} from '../src/stdlib/javaDateFormat';
import * as S from '../src/stdlib/apexString';

describe('javaRegex: String.split', () => {
  it.each<[string, string, number, string[]]>([
    ['a,b,,', ',', 0, ['a', 'b']],
    ['', ',', 0, ['']],
    [',', ',', 0, []],
    [',a', ',', 0, ['', 'a']],
    ['a,b,,', ',', -1, ['a', 'b', '', '']],
    ['a,b,c', ',', 2, ['a', 'b,c']],
    ['a,b,c', ',', 1, ['a,b,c']],
    ['a,b,c', ',', 5, ['a', 'b', 'c']],
    ['abc', '', 0, ['a', 'b', 'c']],
    ['a1b22c333', '\\d+', 0, ['a', 'b', 'c']],
    ['boo:and:foo', 'o', 0, ['b', '', ':and:f']],
    ['boo:and:foo', 'o', -2, ['b', '', ':and:f', '', '']],
    ['a.b.c', '.', 0, []],
    ['a.b.c', '\\.', 0, ['a', 'b', 'c']],
    ['x|y', '\\|', 0, ['x', 'y']],
    ['one  two', '\\s+', 0, ['one', 'two']],
    ['AbcDef', '(?=[A-Z])', 0, ['Abc', 'Def']]
  ])('%j.split(%j, %d)', (input, regex, limit, expected) => {
    expect(javaSplit(input, regex, limit)).toEqual(expected);
  });
});

describe('javaRegex: matching semantics', () => {
  it('$ matches at the end and before a final line terminator only', () => {
    expect(compileJavaRegex('abc$').matcher('abc\n').find()).toBe(true);
    expect(compileJavaRegex('abc$').matcher('abc\r\n').find()).toBe(true);
    expect(compileJavaRegex('abc$').matcher('abc\n\n').find()).toBe(false);
    expect(compileJavaRegex('abc$').matcher('abc\nx').find()).toBe(false);
    expect(javaMatches('abc\n', 'abc$')).toBe(false); // matches() needs the whole input
    expect(compileJavaRegex('(?m)^b$').matcher('a\nb\nc').find()).toBe(true);
    expect(compileJavaRegex('\\Aa').matcher('ba').find()).toBe(false);
    expect(compileJavaRegex('a\\Z').matcher('ba\n').find()).toBe(true);
    expect(compileJavaRegex('a\\z').matcher('ba\n').find()).toBe(false);
  });

  it('dot excludes all Java line terminators unless DOTALL', () => {
    expect(javaMatches('x\u0085', 'x.')).toBe(false);
    expect(javaMatches('a\nb', 'a.b')).toBe(false);
    expect(javaMatches('a\nb', '(?s)a.b')).toBe(true);
    expect(compileJavaRegex('a.b', { dotall: true }).matches('a\nb')).toBe(true);
    expect(javaMatches('\ud83d\ude00', '.')).toBe(true); // code point semantics
  });

  it('inline and scoped flags', () => {
    expect(javaMatches('HeLLo', '(?i)hello')).toBe(true);
    expect(javaMatches('Hello', 'H(?i:ELLO)')).toBe(true);
    expect(javaMatches('hello', 'H(?i:ELLO)')).toBe(false);
    expect(javaMatches('hELLO', '(?i)h(?-i)ELLO')).toBe(true);
    expect(javaMatches('hEllo', '(?i)h(?-i)ELLO')).toBe(false);
    expect(javaMatches('\u00e9', '(?i)\u00c9')).toBe(false); // ASCII-only folding by default
    expect(javaMatches('\u00e9', '(?iu)\u00c9')).toBe(true);
    expect(javaMatches('B', '(?i)[a-c]')).toBe(true);
    expect(javaMatches('B', '(?i)[^b]')).toBe(false);
    expect(javaMatches('aA', '(?i)(a)\\1')).toBe(true);
    expect(compileJavaRegex('foo \\s bar # comment', { comments: true }).matches('foo bar')).toBe(true);
    expect(javaMatches('foobar', '(?x) foo bar ')).toBe(true);
  });

  it('possessive quantifiers, atomic groups, quoting', () => {
    expect(javaMatches('aaa', 'a*+a')).toBe(false);
    expect(javaMatches('aaa', 'a*a')).toBe(true);
    expect(javaMatches('aaab', '(?>a+)b')).toBe(true);
    expect(javaMatches('abc', '(?>ab|a)c')).toBe(true);
    expect(javaMatches('ac', '(?>a|ab)c')).toBe(true);
    expect(javaMatches('abc', '(?>a|ab)c')).toBe(false);
    expect(javaMatches('a.b', '\\Qa.b\\E')).toBe(true);
    expect(javaMatches('axb', '\\Qa.b\\E')).toBe(false);
    expect(javaMatches('abbb', '\\Qab\\E*')).toBe(true); // quantifier binds to the last quoted char
    expect(javaMatches('a.b*c', javaQuote('a.b*c'))).toBe(true);
    expect(javaMatches('x\\Ey', javaQuote('x\\Ey'))).toBe(true);
  });

  it('classes, properties and escapes', () => {
    expect(javaMatches('b', '[a-z&&[^aeiou]]')).toBe(true);
    expect(javaMatches('a', '[a-z&&[^aeiou]]')).toBe(false);
    expect(javaMatches('d', '[a-c[d-f]]')).toBe(true);
    expect(javaMatches('\u00e9', '\\p{L}')).toBe(true);
    expect(javaMatches('\u00e9', '\\p{Alpha}')).toBe(false);
    expect(javaMatches('\u00e9', '\\p{IsAlphabetic}')).toBe(true);
    expect(javaMatches('\u00e9', '\\p{javaLetter}')).toBe(true);
    expect(javaMatches('\u0391', '\\p{IsGreek}')).toBe(true);
    expect(javaMatches('É', '\\p{Lu}')).toBe(true);
    expect(javaMatches('!', '\\p{Punct}')).toBe(true);
    expect(javaMatches('\u00a0', '\\s')).toBe(false); // Java \s is ASCII
    expect(javaMatches('\u00a0', '\\h')).toBe(true);
    expect(javaMatches('\r\n', '\\R')).toBe(true);
    expect(javaMatches('A', '\\x41')).toBe(true);
    expect(javaMatches('A', '\\u0041')).toBe(true);
    expect(javaMatches('A', '\\0101')).toBe(true);
    expect(javaMatches('\ud83d\ude00', '\\x{1F600}')).toBe(true);
    expect(javaMatches(']', '[]]')).toBe(true);
    expect(javaMatches('-', '[a-]')).toBe(true);
    expect(javaMatches('é', '\\w')).toBe(false);
    expect(javaMatches('é', '(?U)\\w')).toBe(true);
  });

  it('Matcher find/group/start/end', () => {
    const m = compileJavaRegex('(?<y>\\d{4})-(\\d\\d)(x)?').matcher('on 2024-05 and 2025-06');
    expect(m.groupCount()).toBe(3);
    expect(() => m.group()).toThrow('No match found');
    expect(m.find()).toBe(true);
    expect(m.group()).toBe('2024-05');
    expect(m.group('y')).toBe('2024');
    expect(m.group(2)).toBe('05');
    expect(m.group(3)).toBeNull();
    expect(m.start()).toBe(3);
    expect(m.end()).toBe(10);
    expect(m.start(2)).toBe(8);
    expect(m.end('y')).toBe(7);
    expect(m.start(3)).toBe(-1);
    expect(() => m.group(4)).toThrow('No group 4');
    expect(() => m.group('nope')).toThrow('No group with name <nope>');
    expect(m.find()).toBe(true);
    expect(m.start()).toBe(15);
    expect(m.find()).toBe(false);
    expect(m.find(0)).toBe(true);
    expect(m.group(1)).toBe('2024');
    expect(m.reset().lookingAt()).toBe(false);
    expect(compileJavaRegex('\\d+').matcher('123abc').lookingAt()).toBe(true);
    expect(compileJavaRegex('\\d+').matcher('123abc').matches()).toBe(false);
  });

  it('empty matches advance by one', () => {
    const m = compileJavaRegex('a*').matcher('baa');
    const found: Array<[number, number]> = [];
    while (m.find()) found.push([m.start(), m.end()]);
    expect(found).toEqual([
      [0, 0],
      [1, 3],
      [3, 3]
    ]);
  });

  it('region and \\G', () => {
    const m = compileJavaRegex('^\\d+$').matcher('ab123cd');
    m.region(2, 5);
    expect(m.matches()).toBe(true);
    expect(m.start()).toBe(2);
    const g = compileJavaRegex('\\G\\d').matcher('12a3');
    const out: string[] = [];
    while (g.find()) out.push(g.group() as string);
    expect(out).toEqual(['1', '2']);
  });

  it('replaceAll / replaceFirst with Java replacement syntax', () => {
    expect(javaReplaceAll('abc', 'x*', '-')).toBe('-a-b-c-');
    expect(javaReplaceAll('John Smith', '(\\w+) (\\w+)', '$2, $1')).toBe('Smith, John');
    expect(javaReplaceAll('2024-05', '(?<y>\\d+)-(?<m>\\d+)', '${m}/${y}')).toBe('05/2024');
    expect(javaReplaceAll('a.b', '\\.', '\\$')).toBe('a$b');
    expect(javaReplaceAll('aaa', 'a', 'b')).toBe('bbb');
    expect(javaReplaceFirst('aaa', 'a', 'b')).toBe('baa');
    expect(javaReplaceAll('ab', '(a)', '$11')).toBe('a1b'); // $11 -> group 1 then '1'
    expect(javaReplaceAll('ab', '(a)(b)', '$2$1$0')).toBe('baab');
    expect(javaReplaceAll('ab', '(a)(x)?', '[$2]')).toBe('[]b');
    expect(() => javaReplaceAll('a', 'a', '$2')).toThrow('No group 2');
    expect(() => javaReplaceAll('a', 'a', '$')).toThrow(JavaRegexRuntimeError);
    expect(() => javaReplaceAll('a', 'a', '${x}')).toThrow('No group with name {x}');
    expect(() => javaReplaceAll('a', 'a', 'x\\')).toThrow('character to be escaped is missing');
  });

  it.each<[string, string]>([
    ['*', "Dangling meta character '*' near index 0\n*\n^"],
    ['a**', "Dangling meta character '*'"],
    ['(a', 'Unclosed group near index 2'],
    ['[a', 'Unclosed character class'],
    ['{a}', 'Illegal repetition near index 0'],
    ['a)', "Unmatched closing ')'"],
    ['\\y', 'Illegal/unsupported escape sequence'],
    ['a{3,1}', 'Illegal repetition range'],
    ['[z-a]', 'Illegal character range'],
    ['\\k<x>', 'named capturing group <x> does not exist'],
    ['\\p{Bogus}', 'Unknown character property name']
  ])('syntax error for %j', (pattern, message) => {
    expect(() => compileJavaRegex(pattern)).toThrow(JavaRegexSyntaxError);
    expect(() => compileJavaRegex(pattern)).toThrow(message);
  });

  it('caches compiled patterns', () => {
    expect(compileJavaRegex('a+b')).toBe(compileJavaRegex('a+b'));
    expect(compileJavaRegex('a+b', { caseInsensitive: true })).not.toBe(compileJavaRegex('a+b'));
  });
});

describe('javaDateFormat', () => {
  const NY = 'America/New_York';
  const winter = Date.UTC(2024, 0, 15, 17, 5, 9, 7); // 12:05:09.007 EST
  const summer = Date.UTC(2024, 6, 4, 3, 0, 0, 123); // 23:00 EDT on Jul 3

  it.each<[string, number, string]>([
    ['hh:mm a', winter, '12:05 PM'],
    ['hh:mm a', summer, '11:00 PM'],
    ['EEE, d MMM yyyy HH:mm:ss Z', winter, 'Mon, 15 Jan 2024 12:05:09 -0500'],
    ['EEE, d MMM yyyy HH:mm:ss Z', summer, 'Wed, 3 Jul 2024 23:00:00 -0400'],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", winter, '2024-01-15T12:05:09.007-05:00'],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", summer, '2024-07-03T23:00:00.123-04:00'],
    ['z', winter, 'EST'],
    ['z', summer, 'EDT'],
    ['zzzz', winter, 'Eastern Standard Time'],
    ['zzzz', summer, 'Eastern Daylight Time'],
    ['S SS SSS SSSS', winter, '7 07 007 0007'],
    ['yy y yyy yyyyy', winter, '24 2024 2024 02024'],
    ['M MM MMM MMMM', winter, '1 01 Jan January'],
    ['E EEEE u', winter, 'Mon Monday 1'],
    ['D F w W', summer, '185 1 27 1'],
    ['H k K h', Date.UTC(2024, 0, 15, 5), '0 24 0 12'],
    ["'It''s' h 'o''clock'", winter, "It's 12 o'clock"],
    ["''", winter, "'"],
    ['X XX XXX', winter, '-05 -0500 -05:00'],
    ['G', winter, 'AD']
  ])('%j', (pattern, epoch, expected) => {
    expect(formatJavaDate(pattern, epoch, NY)).toBe(expected);
  });

  it('UTC and other zones', () => {
    expect(formatJavaDate('X Z z', winter, 'UTC')).toBe('Z +0000 UTC');
    expect(formatJavaDate('HH:mm z', winter, 'Asia/Kolkata')).toBe('22:35 IST');
    expect(formatJavaDate('z', summer, 'Europe/Paris')).toBe('CEST');
    expect(formatJavaDate('z', summer, 'Europe/London')).toBe('BST');
    expect(formatJavaDate('XXX', winter, 'Asia/Kolkata')).toBe('+05:30');
    expect(formatJavaDate('w Y', Date.UTC(2024, 11, 31, 12), 'UTC')).toBe('1 2025');
  });

  it('illegal pattern characters and quotes', () => {
    expect(() => formatJavaDate('q', winter, NY)).toThrow("Illegal pattern character 'q'");
    expect(() => formatJavaDate("'abc", winter, NY)).toThrow('Unterminated quote');
  });

  it('offsets and display names (Apex TimeZone doc examples)', () => {
    expect(zoneOffsetMs('America/Los_Angeles', Date.UTC(2012, 9, 23, 19))).toBe(-25200000);
    expect(zoneOffsetMs('America/Los_Angeles', Date.UTC(2012, 10, 23, 20))).toBe(-28800000);
    expect(zoneOffsetMs(NY, Date.UTC(2014, 10, 2, 5, 59))).toBe(-4 * 3600000);
    expect(zoneOffsetMs(NY, Date.UTC(2014, 10, 2, 6, 0))).toBe(-5 * 3600000);
    expect(zoneOffsetMs('GMT+05:30', 0)).toBe(19800000);
    expect(zoneDisplayName('America/Los_Angeles', winter)).toBe('Pacific Standard Time');
    expect(zoneDisplayName('Europe/London', summer)).toBe('British Summer Time');
    expect(isValidZone(NY)).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
  });

  it('local fields round trip, DST gap and overlap', () => {
    expect(localFieldsOf(winter, NY)).toEqual({
      year: 2024,
      month: 1,
      day: 15,
      hour: 12,
      minute: 5,
      second: 9,
      millisecond: 7,
      dayOfWeek: 2
    });
    expect(epochOfLocal({ year: 2024, month: 1, day: 15, hour: 12, minute: 5, second: 9, millisecond: 7 }, NY)).toBe(
      winter
    );
    const gap = epochOfLocal({ year: 2024, month: 3, day: 10, hour: 2, minute: 30 }, NY);
    expect(formatJavaDate('HH:mm z', gap, NY)).toBe('03:30 EDT');
    const overlap = epochOfLocal({ year: 2024, month: 11, day: 3, hour: 1, minute: 30 }, NY);
    expect(formatJavaDate('HH:mm z', overlap, NY)).toBe('01:30 EST');
    // lenient month overflow
    expect(epochOfLocal({ year: 2023, month: 13, day: 1 }, 'UTC')).toBe(Date.UTC(2024, 0, 1));
  });
});

describe('apexString', () => {
  it('substring and index errors', () => {
    expect(S.substring('hamburger', 4, 8)).toBe('urge');
    expect(S.substring('hamburger', 4)).toBe('urger');
    expect(() => S.substring('abc', 5)).toThrow('Starting position out of bounds: 5');
    expect(() => S.substring('abc', 0, 10)).toThrow('Ending position out of bounds: 10');
    try {
      S.substring('abc', -1);
    } catch (e) {
      expect((e as S.StringMethodError).kind).toBe('System.StringException');
    }
    expect(S.charAt('abc', 1)).toBe(98);
    expect(() => S.charAt('abc', 3)).toThrow(S.StringMethodError);
    expect(S.codePointAt('\ud83d\ude00', 0)).toBe(0x1f600);
  });

  it('Java-compatible comparisons and hashing', () => {
    expect(S.compareTo('apple', 'banana')).toBe(-1);
    expect(S.compareTo('abc', 'ab')).toBe(1);
    expect(S.compareTo('a', 'a')).toBe(0);
    expect(S.hashCode('hello world')).toBe(1794106052);
    expect(S.hashCode('')).toBe(0);
    expect(S.hashCode('Aa')).toBe(S.hashCode('BB'));
    expect(S.equalsIgnoreCase('HeLLo', 'hello')).toBe(true);
    expect(S.equalsIgnoreCase('a', 'b')).toBe(false);
  });

  it('blank/empty/character-class predicates', () => {
    expect(S.isBlank(null)).toBe(true);
    expect(S.isBlank(' \t\n')).toBe(true);
    expect(S.isBlank('\u00a0')).toBe(false); // no-break space is not Java whitespace
    expect(S.isNotBlank('a')).toBe(true);
    expect(S.isEmpty('')).toBe(true);
    expect(S.isAlpha('abcÉ')).toBe(true);
    expect(S.isAlpha('')).toBe(false);
    expect(S.isAlphaSpace('ab c')).toBe(true);
    expect(S.isAlphanumeric('abc123')).toBe(true);
    expect(S.isAlphanumericSpace('a 1')).toBe(true);
    expect(S.isNumeric('123')).toBe(true);
    expect(S.isNumeric('1.2')).toBe(false);
    expect(S.isNumeric('')).toBe(false);
    expect(S.isNumericSpace('1 2')).toBe(true);
    expect(S.isWhitespace('')).toBe(true);
    expect(S.isAsciiPrintable('abc~')).toBe(true);
    expect(S.isAsciiPrintable('é')).toBe(false);
    expect(S.isAllLowerCase('abc')).toBe(true);
    expect(S.isAllLowerCase('aBc')).toBe(false);
    expect(S.isAllUpperCase('ABC')).toBe(true);
    expect(S.containsWhitespace('a b')).toBe(true);
  });

  it('contains family', () => {
    expect(S.contains('abc', 'bc')).toBe(true);
    expect(S.containsIgnoreCase('ABC', 'bc')).toBe(true);
    expect(S.containsAny('abc', 'xyc')).toBe(true);
    expect(S.containsNone('abc', 'xyz')).toBe(true);
    expect(S.containsOnly('abab', 'ab')).toBe(true);
    expect(S.containsOnly('abc', 'ab')).toBe(false);
    expect(S.countMatches('abababa', 'aba')).toBe(2);
    expect(S.countMatches('abc', '')).toBe(0);
  });

  it('searching', () => {
    expect(S.indexOf('hello', 'l')).toBe(2);
    expect(S.indexOf('hello', 'l', 3)).toBe(3);
    expect(S.indexOf('hello', 'l', -5)).toBe(2);
    expect(S.lastIndexOf('hello', 'l')).toBe(3);
    expect(S.lastIndexOf('hello', 'l', 2)).toBe(2);
    expect(S.indexOfChar('abc', 99)).toBe(2);
    expect(S.lastIndexOfChar('abca', 97)).toBe(3);
    expect(S.indexOfIgnoreCase('aBcAbC', 'abc', 1)).toBe(3);
    expect(S.lastIndexOfIgnoreCase('aBcAbC', 'ABC')).toBe(3);
    expect(S.indexOfAny('zzabyycdxx', 'by')).toBe(3);
    expect(S.indexOfAnyBut('zzabyycdxx', 'za')).toBe(3);
    expect(S.indexOfDifference('abcde', 'abxyz')).toBe(2);
    expect(S.indexOfDifference('abc', 'abc')).toBe(-1);
    expect(S.difference('abcde', 'abxyz')).toBe('xyz');
    expect(S.getCommonPrefix(['abcde', 'abxyz'])).toBe('ab');
    expect(S.getLevenshteinDistance('kitten', 'sitting')).toBe(3);
    expect(S.getLevenshteinDistance('kitten', 'sitting', 2)).toBe(-1);
  });

  it('substring helpers (Commons semantics)', () => {
    expect(S.left('abc', 2)).toBe('ab');
    expect(S.right('abc', 2)).toBe('bc');
    expect(S.mid('abcdef', 2, 3)).toBe('cde');
    expect(S.mid('abc', -2, 2)).toBe('ab');
    expect(S.substringAfter('abc.def.ghi', '.')).toBe('def.ghi');
    expect(S.substringAfter('abc', 'x')).toBe('');
    expect(S.substringAfterLast('abc.def.ghi', '.')).toBe('ghi');
    expect(S.substringBefore('abc.def', '.')).toBe('abc');
    expect(S.substringBefore('abc', 'x')).toBe('abc');
    expect(S.substringBeforeLast('a.b.c', '.')).toBe('a.b');
    expect(S.substringBetween('tagYellowtag', 'tag')).toBe('Yellow');
    expect(S.substringBetween('[a][b]', '[', ']')).toBe('a');
    expect(S.substringBetween('abc', '[', ']')).toBeNull();
  });

  it('transformations', () => {
    expect(S.abbreviate('Hello World', 8)).toBe('Hello...');
    expect(S.abbreviate('abcdefghijklmno', 10, 5)).toBe('...fghi...');
    expect(() => S.abbreviate('abcdef', 3)).toThrow('Minimum abbreviation width is 4');
    expect(S.capitalize('hello')).toBe('Hello');
    expect(S.uncapitalize('Hello')).toBe('hello');
    expect(S.center('abc', 7)).toBe('  abc  ');
    expect(S.center('abc', 8, 'xy')).toBe('xyabcxyx');
    expect(S.leftPad('5', 3, '0')).toBe('005');
    expect(S.rightPad('ab', 5, 'xy')).toBe('abxyx');
    expect(S.repeat('ab', 3)).toBe('ababab');
    expect(S.repeat('ab', 3, '-')).toBe('ab-ab-ab');
    expect(S.replace('aaa', 'a', 'b')).toBe('bbb');
    expect(S.replace('a.b', '.', '$')).toBe('a$b');
    expect(S.remove('banana', 'an')).toBe('ba');
    expect(S.removeStart('www.domain.com', 'www.')).toBe('domain.com');
    expect(S.removeEnd('www.domain.com', '.com')).toBe('www.domain');
    expect(S.removeStartIgnoreCase('WWW.x', 'www.')).toBe('x');
    expect(S.removeEndIgnoreCase('x.COM', '.com')).toBe('x');
    expect(S.reverse('ab\ud83d\ude00')).toBe('\ud83d\ude00ba');
    expect(S.swapCase('Hello World')).toBe('hELLO wORLD');
    expect(S.deleteWhitespace(' a b\tc ')).toBe('abc');
    expect(S.normalizeSpace('  a \t b\n')).toBe('a b');
    expect(S.trim('\u0001 ab \n')).toBe('ab');
    expect(S.trim('\u00a0ab')).toBe('\u00a0ab');
    expect(S.splitByCharacterType('ab de fg')).toEqual(['ab', ' ', 'de', ' ', 'fg']);
    expect(S.splitByCharacterTypeCamelCase('fooBarBAZ')).toEqual(['foo', 'Bar', 'BAZ']);
    expect(S.splitByCharacterTypeCamelCase('ASFRules')).toEqual(['ASF', 'Rules']);
    expect(S.join(['a', null, 'c'], ',')).toBe('a,,c');
    expect(S.fromCharArray([72, 105])).toBe('Hi');
    expect(S.getChars('Hi')).toEqual([72, 105]);
    expect(S.offsetByCodePoints('a\ud83d\ude00b', 0, 2)).toBe(3);
    expect(S.stripHtmlTags('<b>hello</b> <script>x()</script>world')).toBe('hello world');
  });

  it('locale-sensitive case mapping', () => {
    expect(S.toLowerCase('TITLE I', 'tr')).toBe('tıtle ı');
    expect(S.toLowerCase('TITLE I', 'en_US')).toBe('title i');
    expect(S.toUpperCase('istanbul', 'tr_TR')).toBe('İSTANBUL');
    expect(S.toUpperCase('straße')).toBe('STRASSE');
  });

  it('MessageFormat quoting', () => {
    expect(S.format('{0} and {1}', ['a', 'b'])).toBe('a and b');
    expect(S.format("It''s {0}", ['x'])).toBe("It's x");
    expect(S.format("It's {0}", ['x'])).toBe('Its {0}');
    expect(S.format("'{0}' {0}", ['x'])).toBe('{0} x');
    expect(S.format('{1}{0}', ['a'])).toBe('{1}a');
    expect(S.format('{0,number,#.##}', [3.14159])).toBe('3.14');
    expect(S.format('{0,number,integer}', [1234567.5])).toBe('1,234,568');
    expect(S.format('{0}', [null])).toBe('null');
    expect(() => S.format('{0', ['a'])).toThrow('Unmatched braces in the pattern.');
  });

  it('escaping and unescaping', () => {
    expect(S.escapeSingleQuotes("it's")).toBe("it\\'s");
    expect(S.escapeCsv('a,b')).toBe('"a,b"');
    expect(S.escapeCsv('say "hi"')).toBe('"say ""hi"""');
    expect(S.escapeCsv('plain')).toBe('plain');
    expect(S.unescapeCsv('"a,b"')).toBe('a,b');
    expect(S.unescapeCsv('"ab"')).toBe('"ab"');
    expect(S.escapeEcmaScript('He didn\'t say, "Stop!" /')).toBe('He didn\\\'t say, \\"Stop!\\" \\/');
    expect(S.escapeJava('tab\there "q" é')).toBe('tab\\there \\"q\\" \\u00E9');
    expect(S.unescapeJava('a\\tb\\u0041\\101\\"')).toBe('a\tbAA"');
    expect(S.unescapeEcmaScript("\\'x\\/")).toBe("'x/");
    expect(S.escapeUnicode('De onde você é?')).toBe('De onde voc\\u00EA \\u00E9?');
    expect(S.unescapeUnicode('voc\\u00EA')).toBe('você');
    expect(S.escapeHtml3('<a href="x">&</a> ©')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt; &copy;');
    expect(S.escapeHtml3('€')).toBe('€');
    expect(S.escapeHtml4('€ α')).toBe('&euro; &alpha;');
    expect(S.unescapeHtml4('&lt;&euro;&#65;&#x42;&bogus;')).toBe('<€AB&bogus;');
    expect(S.unescapeHtml3('&euro;&copy;')).toBe('&euro;©');
    expect(S.escapeXml('<\'">&é')).toBe('&lt;&apos;&quot;&gt;&amp;é');
    expect(S.unescapeXml('&lt;&apos;&#233;')).toBe("<'é");
  });
});
