import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = ['refugees', 'ministry', 'convoy', 'ceasefire', 'harvest', 'pipeline', 'summit', 'tariff', 'drought', 'election'];

/** Writes `count` distinct small news articles (.txt) into `folder`, named so they sort in order. */
export function writeArticles(folder: string, count: number, tag = 'a'): string[] {
  mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = WORDS[i % WORDS.length]!;
    const path = join(folder, `${tag}-${String(i).padStart(5, '0')}.txt`);
    writeFileSync(
      path,
      `Report ${tag} ${i} on the ${word}\n\nOfficials said on Monday that ${i * 7 + 3} people were affected by the ${word} in district ${tag}${i}.\n\n` +
        `A second paragraph about the ${word}, with ${i} details and a figure of ${(i * 1.5).toFixed(1)} million.\n`,
    );
    files.push(path);
  }
  return files;
}
