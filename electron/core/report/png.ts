import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const resolveFrom = createRequire(import.meta.url);

interface Renderer {
  render(svg: string): Uint8Array;
}

let ready: Promise<Renderer> | null = null;

/**
 * SVG to PNG without a native module: resvg compiled to WebAssembly, with Liberation Sans (the
 * metric-compatible Arial that pdfjs-dist ships, Latin, Cyrillic and Greek) as its only font, so
 * a chart renders the same on every machine.
 */
function renderer(): Promise<Renderer> {
  ready ??= (async () => {
    const { initWasm, Resvg } = await import('@resvg/resvg-wasm');
    const [wasm, font] = await Promise.all([
      readFile(resolveFrom.resolve('@resvg/resvg-wasm/index_bg.wasm')),
      readFile(resolveFrom.resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf')),
    ]);
    await initWasm(wasm);
    const fonts = { fontBuffers: [new Uint8Array(font)], defaultFontFamily: 'Liberation Sans', loadSystemFonts: false };
    return {
      render: (svg: string) => new Resvg(svg, { font: fonts, fitTo: { mode: 'zoom', value: 2 } }).render().asPng(),
    };
  })();
  return ready;
}

/** A chart's SVG as a PNG at twice its size (sharp in print and on high-density screens). */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  return (await renderer()).render(svg);
}
