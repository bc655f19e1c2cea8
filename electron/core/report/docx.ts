import { AlignmentType, BorderStyle, Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import type { ReportChart } from './charts';
import type { ReportArticle, ReportData, ReportQuote } from './collect';
import { svgToPng } from './png';
import { citationParts, countLines, stanceLabel } from './text';

const MUTED = '57606A';
/** Widest an image may be on an A4 or Letter page with Word's default margins, in pixels at 96 dpi. */
const PAGE_WIDTH = 600;

function size(svg: string): { width: number; height: number } {
  const root = /<svg[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\bwidth="([\d.]+)"/.exec(root)?.[1] ?? PAGE_WIDTH);
  const height = Number(/\bheight="([\d.]+)"/.exec(root)?.[1] ?? 300);
  const scale = Math.min(1, PAGE_WIDTH / width);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

async function chartParagraphs(chart: ReportChart): Promise<Paragraph[]> {
  const png = await svgToPng(chart.svg);
  const image = new ImageRun({
    type: 'svg',
    data: Buffer.from(chart.svg, 'utf8'),
    fallback: { type: 'png', data: png },
    transformation: size(chart.svg),
    altText: { name: chart.title, title: chart.title, description: chart.title },
  });
  return [
    new Paragraph({ children: [image] }),
    new Paragraph({
      children: [new TextRun({ text: `${chart.title}.${chart.caption ? ` ${chart.caption}` : ''}`, color: MUTED, size: 18 })],
    }),
  ];
}

function quoteParagraphs(quote: ReportQuote, article: ReportArticle): Paragraph[] {
  const [title, ...rest] = citationParts(article);
  const extra = [
    ...(quote.stance ? [stanceLabel(quote.stance)] : []),
    ...(quote.orphan ? ['its words are no longer found in the article'] : []),
    ...(article.memo.trim() ? ['see the article memo'] : []),
  ];
  const lines = quote.quote.split('\n');
  return [
    new Paragraph({
      indent: { left: 360 },
      border: { left: { style: BorderStyle.SINGLE, size: 12, color: '0969DA', space: 8 } },
      spacing: { before: 200 },
      children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
    }),
    new Paragraph({
      indent: { left: 360 },
      children: [
        new TextRun({ text: title!, italics: true, color: MUTED, size: 18 }),
        new TextRun({ text: [...rest, ...extra].map((part) => `, ${part}`).join(''), color: MUTED, size: 18 }),
      ],
    }),
    ...(quote.note.trim()
      ? [new Paragraph({ indent: { left: 360 }, children: [new TextRun({ text: 'Note: ', bold: true }), new TextRun(quote.note)] })]
      : []),
  ];
}

const textLines = (text: string) => text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));

/** The report as a Word document: charts as SVG with a PNG fallback (for Word before 2016 and LibreOffice). */
export async function reportDocx(data: ReportData, charts: ReportChart[], meta: { library: string; generated: string }): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(data.title)] }),
    new Paragraph({ children: [new TextRun({ text: `${meta.library} · made ${meta.generated}`, color: MUTED })] }),
    ...data.scope.map((line) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(line)] })),
    new Paragraph({
      spacing: { before: 200, after: 200 },
      children: countLines(data).flatMap(([value, label], i) => [
        new TextRun({ text: `${i > 0 ? '    ' : ''}${value} `, bold: true, size: 28 }),
        new TextRun({ text: label, size: 28 }),
      ]),
    }),
  ];
  if (charts.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Charts')] }));
    for (const chart of charts) children.push(...(await chartParagraphs(chart)));
  }
  if (data.groups.length === 0) children.push(new Paragraph('No passages.'));
  for (const group of data.groups) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(group.title)] }));
    children.push(
      new Paragraph({
        children: [
          new TextRun({
            text: `${group.quotes.length} ${group.quotes.length === 1 ? 'quote' : 'quotes'}${group.detail ? ` · ${group.detail}` : ''}`,
            color: MUTED,
          }),
        ],
      }),
    );
    for (const quote of group.quotes) children.push(...quoteParagraphs(quote, data.articles.get(quote.articleId)!));
  }
  const memos = [...data.articles.values()].filter((article) => article.memo.trim());
  if (memos.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Memos of the articles quoted')] }));
    for (const article of memos) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(article.title)] }));
      children.push(
        new Paragraph({
          alignment: AlignmentType.LEFT,
          children: [new TextRun({ text: citationParts(article).slice(1).join(', '), color: MUTED })],
        }),
      );
      children.push(...textLines(article.memo));
    }
  }
  const doc = new Document({ title: data.title, creator: 'Marginalia', sections: [{ children }] });
  return Packer.toBuffer(doc);
}
