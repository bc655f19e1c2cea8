/** A pattern that matches `text` literally (for accessible names that start with it). */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
