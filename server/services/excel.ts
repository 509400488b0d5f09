/** exceljs, loaded on the first workbook: about 20 MB that a server answering no export never needs. */
import type ExcelJS from 'exceljs';

export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
