/**
 * A progress bar on stderr for long work, drawn only when stderr is a terminal (scripts and CI get nothing).
 * `total` may be unknown (0): the bar then shows a count.
 */
export type Progress = { update(done: number, total?: number): void; done(): void };

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  const started = Date.now();
  let last = 0;
  let drawn = false;
  const draw = (done: number, total: number) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const width = 30;
    const text =
      total > 0
        ? (() => {
            const ratio = Math.min(1, done / total);
            const filled = Math.round(ratio * width);
            return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${seconds} s`;
          })()
        : `${label} ${done.toLocaleString('en-GB')}  ${seconds} s`;
    stream.write(`\r${text}`);
    drawn = true;
  };
  let lastDone = 0;
  let lastTotal = 0;
  return {
    update(done, total = 0) {
      lastDone = done;
      lastTotal = total;
      const now = Date.now();
      if (now - last < 100 && done !== total) return;
      last = now;
      draw(done, total);
    },
    done() {
      if (!drawn) return;
      draw(lastDone, lastTotal);
      stream.write('\n');
    },
  };
}
