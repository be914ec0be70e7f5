/**
 * Numbers, dates and JSON of the emulator's standard library, through Apex snippets (beyond the fidelity suite).
 */
import { Emulator } from '../src/emulator';

interface Options {
  classes?: string[];
  timeZone?: string;
  locale?: string;
  now?: string;
}

function run(code: string, options: Options = {}): string {
  const emulator = new Emulator(null);
  emulator.interp.user = {
    timeZone: options.timeZone ?? 'America/Los_Angeles',
    locale: options.locale ?? 'en_US',
    language: 'en_US'
  };
  emulator.interp.clock = options.now ? Date.parse(options.now) : null;
  const result = emulator.runSnippet(code, options.classes ?? []);
  if (result.exception) return `${result.exception.type}: ${result.exception.message}`;
  return result.value as string;
}

describe('numbers', () => {
  it('formats with en_US grouping and at most three fraction digits', () => {
    expect(
      run(
        "Decimal d = 12345.6789; Integer i = 1234567; return d.format() + '|' + i.format() + '|' + (3000000000L).format();"
      )
    ).toBe('12,345.679|1,234,567|3,000,000,000');
  });

  it('rounds Decimals with every mode and refuses UNNECESSARY when digits are lost', () => {
    expect(
      run(
        "Decimal d = -2.5; return '' + d.setScale(0, RoundingMode.UP) + d.setScale(0, RoundingMode.HALF_DOWN) + d.round(RoundingMode.FLOOR);"
      )
    ).toBe('-3-2-3');
    expect(run('Decimal d = 1.25; return d.setScale(1, RoundingMode.UNNECESSARY);')).toBe(
      'System.MathException: Rounding necessary'
    );
  });

  it('keeps Java semantics for Math.mod and Long.valueOf', () => {
    expect(
      run("return '' + Math.mod(-7, 3) + ',' + Math.mod(7L, -3L) + ',' + Long.valueOf('-9223372036854775808');")
    ).toBe('-1,1,-9223372036854775808');
    expect(run("return Integer.valueOf('2147483648');")).toBe('System.TypeException: Invalid integer: 2147483648');
  });

  it('converts a Double to Decimal through its shortest text', () => {
    expect(run("Double x = 0.1; return '' + Decimal.valueOf(x) + '|' + Decimal.valueOf(x).scale();")).toBe('0.1|1');
  });
});

describe('dates', () => {
  it('interprets Datetime.newInstance in the user zone across the New York DST change', () => {
    const opts = { timeZone: 'America/New_York' };
    expect(run("return Datetime.newInstance(2024, 3, 9, 12, 0, 0).formatGmt('HH:mm');", opts)).toBe('17:00');
    expect(run("return Datetime.newInstance(2024, 3, 10, 12, 0, 0).formatGmt('HH:mm');", opts)).toBe('16:00');
    // addDays keeps the local wall-clock time (Calendar.add), so the GMT hour moves by one.
    expect(
      run(
        "Datetime dt = Datetime.newInstance(2024, 3, 9, 12, 0, 0); return dt.addDays(1).format('HH:mm') + '|' + dt.addDays(1).formatGmt('HH:mm');",
        opts
      )
    ).toBe('12:00|16:00');
  });

  it('formats Datetime in the user locale and zone', () => {
    expect(run('return Datetime.newInstance(2012, 12, 28, 10, 0, 0).formatLong();')).toBe('12/28/2012 10:00:00 AM PST');
    expect(run('return Datetime.newInstanceGmt(2024, 3, 5, 18, 5, 0).format();')).toBe('3/5/2024 10:05 AM');
  });

  it('parses en_US dates and starts weeks on Monday elsewhere', () => {
    expect(run("return Date.parse('12/27/2009');")).toBe('2009-12-27');
    expect(run('return Date.newInstance(2024, 3, 5).toStartOfWeek();', { locale: 'en_GB' })).toBe('2024-03-04');
  });

  it('falls back to GMT for unknown time zone ids', () => {
    expect(run("return TimeZone.getTimeZone('Mars/Olympus').getID();")).toBe('GMT');
  });
});

describe('JSON', () => {
  it('keeps Long precision and Decimal scale through deserializeUntyped', () => {
    expect(
      run(
        'Map<String, Object> m = (Map<String, Object>) JSON.deserializeUntyped(\'{"id":9007199254740993,"amount":10.50}\');' +
          "return '' + (m.get('id') instanceof Long) + ':' + m.get('id') + ':' + m.get('amount') + ':' + JSON.serialize(m);"
      )
    ).toBe('true:9007199254740993:10.50:{"id":9007199254740993,"amount":10.50}');
  });

  it('deserializes into nested classes, lists and maps', () => {
    const classes = [
      'public class JOrder { public String name; public JLine first; public List<JLine> lines; public Map<String, JLine> byCode; public Date due; }',
      'public class JLine { public Integer qty; public Decimal price; }'
    ];
    const code =
      'JOrder o = (JOrder) JSON.deserialize(\'{"NAME":"a","first":{"qty":2,"price":1.50},"lines":[{"qty":1},{"qty":3}],"byCode":{"x":{"qty":9}},"due":"2024-03-05","extra":[1]}\', JOrder.class);' +
      "return o.name + '|' + o.first.qty + '|' + o.first.price + '|' + o.lines[1].qty + '|' + o.byCode.get('x').qty + '|' + o.due;";
    // A Date concatenated into a String carries its time stamp (Apex Developer Guide, Primitive Data Types).
    expect(run(code, { classes })).toBe('a|2|1.50|3|9|2024-03-05 00:00:00');
  });

  it('serialises superclass fields first and skips static and transient members', () => {
    const classes = [
      'public virtual class JBase { public Integer a; }',
      'public class JChild extends JBase { public String b; public transient Integer t = 5; public static Integer s = 3; }'
    ];
    expect(run('JChild c = new JChild(); c.a = 1; return JSON.serialize(c);', { classes })).toBe('{"a":1,"b":null}');
  });

  it('writes pretty JSON like Jackson', () => {
    expect(
      run(
        "return JSON.serializePretty(new List<Object>{ new Map<String, Object>{'a' => new List<Integer>{1, 2}}, new List<Object>() });"
      )
    ).toBe('[ {\n  "a" : [ 1, 2 ]\n}, [ ] ]');
  });

  it('builds JSON with a generator', () => {
    const code =
      "JSONGenerator g = JSON.createGenerator(false); g.writeStartObject(); g.writeStringField('s', 'x'); g.writeNumberField('n', 2.50);" +
      "g.writeDateTimeField('t', Datetime.newInstanceGmt(2024, 3, 5, 10, 0, 0)); g.writeFieldName('l'); g.writeStartArray(); g.writeBoolean(true); g.writeNull();" +
      'g.writeEndArray(); g.writeEndObject(); return g.getAsString();';
    expect(run(code)).toBe('{"s":"x","n":2.50,"t":"2024-03-05T10:00:00.000Z","l":[true,null]}');
  });

  it('reports malformed JSON like Jackson', () => {
    expect(run("return JSON.deserializeUntyped('{bad');")).toBe(
      "System.JSONException: Unexpected character ('b' (code 98)): was expecting double-quote to start field name at [line:1, column:3]"
    );
  });

  it('walks tokens with JSONParser', () => {
    const code =
      'JSONParser p = JSON.createParser(\'{"a":{"b":1},"c":"x"}\'); String out = \'\';' +
      'while (p.nextToken() != null) { if (p.getCurrentToken() == JSONToken.FIELD_NAME) { out += p.getText(); } } return out;';
    expect(run(code)).toBe('abc');
  });
});
