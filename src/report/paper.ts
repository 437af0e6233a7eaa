// The papers `report --pdf` prints on; apart from pdf.ts so the command reads them without loading the browser code.
export type PaperFormat = 'A4' | 'Letter';

export const PAPER_FORMATS: readonly PaperFormat[] = ['A4', 'Letter'];
