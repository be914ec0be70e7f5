import {
  cancelEvery,
  cancelLater,
  csvCell,
  downloadText,
  formatCount,
  redactSecrets,
  reduceErrors,
  runAfterPaint,
  runEvery,
  runLater,
  toCsv
} from 'c/alowareUiUtils';

describe('c-aloware-ui-utils', () => {
  describe('timers', () => {
    afterEach(() => jest.useRealTimers());

    it('should run a repeated callback on every interval until it is cancelled', () => {
      jest.useFakeTimers();
      const tick = jest.fn();
      const handle = runEvery(tick, 60_000);
      jest.advanceTimersByTime(180_000);
      expect(tick).toHaveBeenCalledTimes(3);
      cancelEvery(handle);
      jest.advanceTimersByTime(180_000);
      expect(tick).toHaveBeenCalledTimes(3);
    });

    it('should run an after-paint callback once, in a task after the next frame and not before it', () => {
      jest.useFakeTimers();
      const ran = jest.fn();
      const frames: FrameRequestCallback[] = [];
      const frame = jest.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
        frames.push(callback);
        return frames.length;
      });
      try {
        runAfterPaint(ran);
        jest.advanceTimersByTime(1_000);
        expect(ran).not.toHaveBeenCalled();
        expect(frames).toHaveLength(1);
        frames[0]!(0);
        expect(ran).not.toHaveBeenCalled();
        jest.advanceTimersByTime(0);
        expect(ran).toHaveBeenCalledTimes(1);
      } finally {
        frame.mockRestore();
      }
    });

    it('should run a later callback once, and never once cancelled', () => {
      jest.useFakeTimers();
      const ran = jest.fn();
      const cancelled = jest.fn();
      runLater(ran, 1_000);
      cancelLater(runLater(cancelled, 1_000));
      jest.advanceTimersByTime(5_000);
      expect(ran).toHaveBeenCalledTimes(1);
      expect(cancelled).not.toHaveBeenCalled();
    });
  });

  describe('reduceErrors', () => {
    it('should read the message of an Apex error body', () => {
      expect(reduceErrors({ body: { message: 'Insufficient access' } })).toBe('Insufficient access');
    });

    it('should join page errors, field errors and list bodies without duplicates', () => {
      const error = {
        body: { pageErrors: [{ message: 'Page problem' }], fieldErrors: { Name: [{ message: 'Name missing' }] } }
      };
      expect(reduceErrors([error, { body: [{ message: 'Listed' }] }, 'Page problem'])).toBe(
        'Page problem; Name missing; Listed'
      );
    });

    it('should fall back to the JavaScript message, the status text, then a generic sentence', () => {
      expect(reduceErrors(new Error('boom'))).toBe('boom');
      expect(reduceErrors({ statusText: 'Server Error' })).toBe('Server Error');
      expect(reduceErrors(undefined)).toMatch(/unexpected error/);
      expect(reduceErrors(42)).toMatch(/unexpected error/);
    });
  });

  describe('CSV', () => {
    it('should quote separators, quotes and line breaks', () => {
      expect(csvCell('a,b')).toBe('"a,b"');
      expect(csvCell('say "hi"')).toBe('"say ""hi"""');
      expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
      expect(csvCell(null)).toBe('');
      expect(csvCell(7)).toBe('7');
      expect(csvCell(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe('2024-01-02T03:04:05.000Z');
    });

    it('should neutralise spreadsheet formulas', () => {
      expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
      expect(csvCell('+1 555')).toBe("'+1 555");
      expect(csvCell('@SUM')).toBe("'@SUM");
    });

    it('should build a header and one line per row', () => {
      const csv = toCsv(
        [
          { a: 1, b: 'x' },
          { a: 2, b: null }
        ],
        [
          { fieldName: 'a', label: 'A' },
          { fieldName: 'b', label: 'B' }
        ]
      );
      expect(csv).toBe('A,B\r\n1,x\r\n2,\r\n');
    });

    it('should download through a temporary link', () => {
      const clicks: string[] = [];
      const spy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement
      ) {
        clicks.push(this.download + '|' + this.href);
      });
      downloadText('log.csv', 'A,B\r\n');
      expect(clicks).toEqual(['log.csv|data:text/csv;charset=utf-8,A%2CB%0D%0A']);
      expect(document.body.childElementCount).toBe(0);
      spy.mockRestore();
    });
  });

  it('should format counts and redact secrets', () => {
    expect(formatCount(1234567)).toBe(new Intl.NumberFormat().format(1234567));
    expect(formatCount(undefined)).toBe('0');
    expect(redactSecrets('{"api_token": "abc\\"def", "x": 1}')).toBe('{"api_token": "[REDACTED]", "x": 1}');
    expect(redactSecrets('GET /users?api_token=s3cret&x=1')).toBe('GET /users?api_token=[REDACTED]&x=1');
    expect(redactSecrets('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [REDACTED]');
    expect(redactSecrets(null)).toBe('');
  });
});
