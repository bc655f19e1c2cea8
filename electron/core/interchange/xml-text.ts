/**
 * Escaping for the streamed project.qde. The document is written piece by piece (a large library
 * does not fit in memory as one DOM), so values are escaped here rather than by a DOM builder.
 */

// Characters XML 1.0 cannot carry at all, even as references: C0 controls other than tab, line
// feed and carriage return, lone surrogates, U+FFFE and U+FFFF.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };

/** Element content. A carriage return is written as a reference, else parsers turn it into "\n". */
export function xmlText(value: string): string {
  return value.replace(FORBIDDEN, '\ufffd').replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] as string);
}

/** A double-quoted attribute value; tabs and line breaks as references survive attribute normalisation. */
export function xmlAttribute(value: string): string {
  return value.replace(FORBIDDEN, '\ufffd').replace(/[&<>"\r\n\t]/g, (c) => ATTRIBUTE_ESCAPES[c] as string);
}

/** name="value" pairs for the defined values, in order. */
export function attributes(pairs: Record<string, string | number | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(pairs)) {
    if (value !== null && value !== undefined) out += ` ${name}="${xmlAttribute(String(value))}"`;
  }
  return out;
}

/** xsd:decimal has no exponent: 1e21 and 1e-7 must be spelled out. */
export function xsdDecimal(value: number): string {
  const plain = String(value);
  if (!/e/i.test(plain)) return plain;
  if (Number.isInteger(value)) return BigInt(value).toString();
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}
