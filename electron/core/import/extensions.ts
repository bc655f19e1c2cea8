/**
 * File extensions the importer accepts (lower case, with the dot). A module of its own: the writer
 * needs the list to walk folders, not the parsers (and their encodings tables) behind it.
 */
export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.docx', '.odt', '.pdf'] as const;
