/** Writes large REFI-QDA projects for tests and benchmarks, streamed to disk (never held whole). */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export interface LargeProject {
  sources: number;
  selectionsPerSource: number;
}

const guid = (kind: number, n: number): string =>
  `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const CODES = 12;
const WORDS = ['refugees', 'ministry', 'convoy', 'ceasefire', 'harvest', 'pipeline', 'summit', 'tariff', 'drought', 'élection'];

/** Source n's text: sentences long enough to hold every selection at its own place. */
export function sourceText(n: number, selections: number): string {
  const sentences: string[] = [];
  for (let i = 0; i < Math.max(8, selections / 4); i++)
    sentences.push(`Source ${n} says the ${WORDS[(n + i) % WORDS.length]} number ${i} rose.`);
  return sentences.join(' ');
}

/** Where selection i of a source lies (code points; the texts are all in the BMP). */
export function selectionRange(text: string, i: number): [number, number] {
  const start = (i * 37) % (text.length - 40);
  return [start, start + 12 + (i % 25)];
}

function* projectXml(spec: LargeProject): Generator<string> {
  yield '<?xml version="1.0" encoding="utf-8"?>\n<Project name="Large study" xmlns="urn:QDA-XML:project:1.0">\n<CodeBook><Codes>\n';
  for (let c = 0; c < CODES; c++)
    yield `<Code guid="${guid(1, c)}" name="Code ${c}" isCodable="true" color="#a0b0c0"><Description>code &amp; ${c}</Description></Code>\n`;
  yield '</Codes></CodeBook>\n<Sources>\n';
  for (let s = 0; s < spec.sources; s++) {
    const text = sourceText(s, spec.selectionsPerSource);
    const parts = [`<TextSource guid="${guid(2, s)}" name="Source ${s}" plainTextPath="internal://s${s}.txt">\n`];
    for (let i = 0; i < spec.selectionsPerSource; i++) {
      const [start, end] = selectionRange(text, i);
      parts.push(
        `<PlainTextSelection guid="${guid(3, s * spec.selectionsPerSource + i)}" name="selection ${i}" startPosition="${start}" endPosition="${end}">` +
          `<Coding guid="${guid(4, s * spec.selectionsPerSource + i)}"><CodeRef targetGUID="${guid(1, i % CODES)}"/></Coding></PlainTextSelection>\n`,
      );
    }
    parts.push('</TextSource>\n');
    yield parts.join('');
  }
  yield '</Sources>\n</Project>\n';
}

/** Writes the project to `path`; resolves with the size of its project.qde in bytes. */
export async function writeLargeProject(path: string, spec: LargeProject): Promise<number> {
  const zip = new ZipFile();
  let size = 0;
  const qde = Readable.from(
    (function* () {
      for (const chunk of projectXml(spec)) {
        const bytes = Buffer.from(chunk, 'utf8');
        size += bytes.length;
        yield bytes;
      }
    })(),
  );
  zip.addReadStream(qde, 'project.qde');
  for (let s = 0; s < spec.sources; s++) zip.addBuffer(Buffer.from(sourceText(s, spec.selectionsPerSource)), `sources/s${s}.txt`);
  zip.end();
  const out = zip.outputStream.pipe(createWriteStream(path));
  await finished(out);
  return size;
}
