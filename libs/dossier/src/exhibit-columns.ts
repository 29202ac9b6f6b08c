/** The columns of every exhibit CSV, in order. */
export const EXHIBIT_COLUMNS = ['row', 'finding_id', 'file', 'natural_id', 'line_no', 'ingestion_line_hash', 'status', 'note', 'doc'];
