import { markdownTable, table } from '../support/util';

/** What a bench run prints, kept as plain text and as Markdown (for docs/performance.md). */
export class Report {
  readonly text: string[] = [];
  readonly markdown: string[] = [];
  readonly json: Record<string, unknown> = {};

  say(line = '') {
    this.text.push(line);
    this.markdown.push(line);
    process.stdout.write(`${line}\n`);
  }

  section(title: string) {
    this.say();
    this.text.push(`== ${title}`);
    this.markdown.push(`### ${title}`);
    process.stdout.write(`== ${title}\n`);
    this.markdown.push('');
  }

  table(header: string[], rows: (string | number)[][]) {
    const plain = table(header, rows);
    this.text.push(plain);
    process.stdout.write(`${plain}\n`);
    this.markdown.push(markdownTable(header, rows), '');
  }
}
