/**
 * What an element writes to the console in each test of the current `describe`: registers hooks
 * that replace `console[level]` before each test and put it back after. Read `messages` in a test.
 */
export function captureConsole(level: 'error' | 'warn'): { messages: string[] } {
  const captured = { messages: [] as string[] };
  let original: (typeof console)[typeof level];
  beforeEach(() => {
    captured.messages = [];
    original = console[level];
    console[level] = (...args: unknown[]) => void captured.messages.push(args.join(' '));
  });
  afterEach(() => {
    console[level] = original;
  });
  return captured;
}
