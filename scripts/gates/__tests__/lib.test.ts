import { run, stripAnsi } from '../lib';

describe('gate plumbing', () => {
  it('should strip ANSI colours so findings parse the same with CI=true', () => {
    expect(stripAnsi('[\u001b[31merror\u001b[39m] A.cls: Error')).toBe('[error] A.cls: Error');
  });

  it('should capture output and the exit code without throwing', () => {
    const ok = run(process.execPath, ['-e', 'console.log("out"); console.error("err"); process.exit(3)'], __dirname);
    expect(ok).toEqual({ status: 3, stdout: 'out\n', stderr: 'err\n' });
    expect(run('/nonexistent/tool', [], __dirname).status).toBe(127);
  });
});
